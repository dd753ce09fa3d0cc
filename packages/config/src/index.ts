export { ConfigError, loadConfig, loadConfigOrExit } from './load.js';
export {
  commaList,
  databaseName,
  DEV_INTERNAL_SECRET,
  host,
  httpUrl,
  mysqlUrl,
  nodeEnv,
  port,
  count,
  positiveInt,
  redisPrefix,
  redisUrl,
} from './fields.js';
export {
  DEV_SECRET_KID,
  keyRing,
  secretKeyFields,
  secretKeysOf,
  SINGLE_SECRET_KID,
  TEST_INTERNAL_SECRET,
} from './secret-config.js';
export {
  isSealedValue,
  keyedHash,
  openValue,
  sameString,
  SealedValueError,
  sealedKid,
  sealValue,
  SecretKeys,
  type DerivedKey,
  type KeyPurpose,
  type RootSecret,
} from './secret-keys.js';
export { mysqlReplicaUrls, mysqlTlsFields, mysqlTlsOf, type MysqlTlsSetting } from './mysql.js';
export {
  parseRedisAddress,
  RedisAddressError,
  type HostPort,
  type RedisAddress,
  type RedisTls,
} from './redis-address.js';
export { z } from 'zod';
