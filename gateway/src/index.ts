export { startGateway, type RunningGateway } from './app.js';
export { loadGatewayConfig, type GatewayConfig } from './config.js';
export { composeSupergraph, CompositionError, readSubgraphSdls } from './compose.js';
