export { healthRouter, type ReadinessChecks } from './health.js';
export { listen } from './listen.js';
export { startHealthServer, type HealthServerOptions } from './health-server.js';
export { stopOnSignals } from './lifecycle.js';
export {
  startGraphqlServer,
  type GraphqlServerOptions,
  type RunningServer,
} from './graphql-server.js';
export { jsonErrors, jsonNotFound } from './json-errors.js';
export { argumentPathOf, inputErrorsPlugin } from './input-errors.js';
