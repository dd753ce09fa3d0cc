export { ConfigError, loadConfig, loadConfigOrExit } from './load.js';
export {
  assertProductionSecret,
  databaseName,
  DEV_INTERNAL_SECRET,
  host,
  httpUrl,
  internalSecret,
  mysqlUrl,
  nodeEnv,
  port,
  count,
  positiveInt,
  redisPrefix,
  redisUrl,
} from './fields.js';
export { z } from 'zod';
