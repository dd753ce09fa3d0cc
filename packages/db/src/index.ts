import 'reflect-metadata';

export {
  createDataSource,
  databaseUrl,
  sslOptions,
  type DataSourceOptions,
  type MysqlTls,
} from './data-source.js';
export { fromReplica, onReplica } from './replica.js';
export {
  bucketed,
  placeholders,
  preparedEntities,
  preparedMany,
  preparedManyEach,
  preparedRead,
} from './prepared.js';
export { bigintColumn, bigintToNumber, datetimeColumn } from './columns.js';
export { dropDatabase, ensureDatabase, withServerConnection } from './server.js';
export {
  assertSchemaCurrent,
  migrateDatabase,
  runPendingMigrations,
  SchemaBehindError,
} from './migrate.js';
export { insertRows } from './insert-rows.js';
export { insertOrLock } from './locked-row.js';
export { GroupCommit, type BatchWriter, type GroupCommitOptions } from './group-commit.js';
export { retryOnDeadlock } from './retry.js';
