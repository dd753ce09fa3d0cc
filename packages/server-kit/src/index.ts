export { healthRouter, type ReadinessChecks } from './health.js';
export { listen } from './listen.js';
export { startHealthServer, type HealthServerOptions } from './health-server.js';
export { stopOnSignals } from './lifecycle.js';
export {
  startGraphqlServer,
  type GraphqlServerOptions,
  type RunningServer,
} from './graphql-server.js';
export { jsonErrors, jsonNotFound, withRequestIdOf, writeJson } from './json-errors.js';
export { type BatchingOptions } from './batch-admission.js';
export { GRAPHQL_BODY_LIMIT_BYTES, pathOf, type Guard, type GuardNext } from './graphql-route.js';
export { argumentPathOf, inputErrorsPlugin } from './input-errors.js';
export {
  REQUEST_ID_HEADER,
  reenterRequestScope,
  requestIdOf,
  requestIds,
  type TrustsRequestId,
} from './request-id.js';
