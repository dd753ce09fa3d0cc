import 'reflect-metadata';

export { buildFederatedSchema, printSubgraphSdl, type ReferenceResolvers } from './schema.js';
export { startSubgraphServer, type RunningServer, type SubgraphServerOptions } from './server.js';
export { baseContextFrom, type BaseContext } from './context.js';
export { healthRouter, type ReadinessChecks } from './health.js';
export { stopOnSignals } from './lifecycle.js';
export { loadSubgraphConfig, type SubgraphConfig } from './config.js';
export { canReadAccount, requireAccount, requirePlatform } from './access.js';
export {
  badInput,
  conflict,
  DashError,
  ERROR_CODES,
  forbidden,
  formatErrorFor,
  notFound,
  unauthenticated,
  type ErrorCode,
} from './errors.js';
