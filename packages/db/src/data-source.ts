import 'reflect-metadata';
import './mysql2-wrapper.js';
import { readFileSync } from 'node:fs';
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
  /**
   * Read replicas' server URLs. Only reads that ask for a replica (`onReplica`) go there; a
   * database name in a replica URL replaces the service's own (a test points one at another
   * database; a real replica has the same names as its primary).
   */
  replicaUrls?: readonly string[];
  tls?: MysqlTls;
}

/** TLS to MySQL: off unless configured (see mysqlTlsOf in @dash/config). */
export interface MysqlTls {
  /** A PEM file of the CA to trust instead of the system's. */
  caFile?: string;
  /** False accepts any certificate: for development against a self-signed server only. */
  rejectUnauthorized: boolean;
}

/** The server URL with a database path, as the mysql2 driver wants it. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.protocol = 'mysql:';
  url.pathname = `/${database}`;
  return url.toString();
}

/** A replica's URL with the service's database, unless the URL names one of its own. */
function replicaDatabaseUrl(replicaUrl: string, database: string): string {
  const named = new URL(replicaUrl).pathname.replace(/^\//, '');
  return databaseUrl(replicaUrl, named || database);
}

/** The mysql2 `ssl` options for a TLS setting. */
export function sslOptions(tls: MysqlTls): { ca?: Buffer; rejectUnauthorized: boolean } {
  return {
    ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
    rejectUnauthorized: tls.rejectUnauthorized,
  };
}

/**
 * A TypeORM DataSource for one service's database. The schema only ever changes through
 * migrations (`synchronize` stays off); times are stored and read as UTC; BIGINT comes back as
 * a string so no driver ever rounds a large amount (see `bigintColumn`).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const primary = databaseUrl(options.url, options.database);
  const replicas = options.replicaUrls ?? [];
  return new DataSource({
    type: 'mysql',
    ...(replicas.length === 0
      ? { url: primary }
      : {
          replication: {
            master: { url: primary },
            slaves: replicas.map((url) => ({ url: replicaDatabaseUrl(url, options.database) })),
            // TypeORM would send every SELECT outside a transaction to a replica; here nothing
            // reads a replica unless its code asks to (onReplica), so no money decision ever
            // rests on a row a second old.
            defaultMode: 'master',
          },
        }),
    ...(options.tls ? { ssl: sslOptions(options.tls) } : {}),
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
    // Prepared reads (preparedRead) keep their statements open on each connection. The server
    // allows some 16k in all, shared by every service and replica: each connection keeps its
    // most recent few dozen (the hot reads are about that many) and closes older ones.
    // `trace: false`: mysql2 would otherwise capture a stack trace for every query, on every hot
    // read, only to decorate the rare error with its caller.
    extra: { maxPreparedStatements: 64, trace: false },
    // Failed queries reach the caller as errors, which log what is unexpected; some failures are
    // part of normal work (a deadlock retried, an idempotency key already taken).
    logging: false,
  });
}
