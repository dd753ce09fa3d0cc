import 'reflect-metadata';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

export interface DataSourceOptions {
  /** Server URL without a database, e.g. mysql://root@127.0.0.1:3306 */
  url: string;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** The server URL with a database path, as the mysql2 driver wants it. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.protocol = 'mysql:';
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A TypeORM DataSource for one service's database. The schema only ever changes through
 * migrations (`synchronize` stays off); times are stored and read as UTC; BIGINT comes back as
 * a string so no driver ever rounds a large amount (see `bigintColumn`).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'mysql',
    url: databaseUrl(options.url, options.database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize: options.poolSize ?? 10,
    // Failed queries reach the caller as errors, which log what is unexpected; some failures are
    // part of normal work (a deadlock retried, an idempotency key already taken).
    logging: false,
  });
}
