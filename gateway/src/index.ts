export { startGateway, type RunningGateway } from './app.js';
export { loadGatewayConfig, type GatewayConfig } from './config.js';
export { composeSupergraph, CompositionError, readSubgraphSdls } from './compose.js';
export {
  startCoprocessor,
  loadCoprocessorConfig,
  type CoprocessorConfig,
  type RunningCoprocessor,
} from './coprocessor/index.js';
export { authenticate } from './authenticate.js';
export { IdentityCheck } from './identity-check.js';
