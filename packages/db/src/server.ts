import mysql from 'mysql2/promise';
import { sslOptions, type MysqlTls } from './data-source.js';

const SAFE_NAME = /^[A-Za-z0-9_]{1,64}$/;

function assertSafeName(database: string): void {
  // Database names cannot be bound as parameters, so they are checked before interpolation.
  if (!SAFE_NAME.test(database)) throw new Error(`Unsafe database name: "${database}"`);
}

/** Runs `work` with a short-lived connection to the server (no database selected). */
export async function withServerConnection<T>(
  serverUrl: string,
  work: (connection: mysql.Connection) => Promise<T>,
  tls?: MysqlTls,
): Promise<T> {
  const url = new URL(serverUrl);
  url.protocol = 'mysql:';
  url.pathname = '/';
  const connection = await mysql.createConnection({
    uri: url.toString(),
    connectTimeout: 5000,
    ...(tls ? { ssl: sslOptions(tls) } : {}),
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

export async function ensureDatabase(
  serverUrl: string,
  database: string,
  tls?: MysqlTls,
): Promise<void> {
  assertSafeName(database);
  await withServerConnection(
    serverUrl,
    (connection) =>
      connection.query(
        `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      ),
    tls,
  );
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  assertSafeName(database);
  await withServerConnection(serverUrl, (connection) =>
    connection.query(`DROP DATABASE IF EXISTS \`${database}\``),
  );
}
