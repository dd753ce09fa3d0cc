import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withServerConnection } from '@dash/db';
import { DATA_DIR } from './paths.js';
import { findExecutable, spawnManaged, waitFor, type ManagedProcess } from './processes.js';

const run = promisify(execFile);
const userName = () => userInfo().username;
const ping = (url: string) =>
  withServerConnection(url, (connection) => connection.query('SELECT 1'));

const INSTALL_HINT = `Install MariaDB or MySQL, or point MYSQL_URL at a running server:
  Debian/Ubuntu: sudo apt-get install -y mariadb-server
  macOS:         brew install mariadb
  Docker:        docker compose -f infra/docker-compose.yml up -d`;

/**
 * Makes sure a MySQL-compatible server answers at `url`: uses a running one, else starts the
 * system's mariadbd on that port with its data under .data/mysql, else explains what to install.
 * Returns the process it started, if any.
 */
export async function ensureMysql(
  url: string,
  dataRoot = DATA_DIR,
): Promise<ManagedProcess | undefined> {
  try {
    await ping(url);
    return undefined;
  } catch {
    // Not running: try to start one below.
  }
  const { hostname, port } = new URL(url);
  const mariadbd = findExecutable('mariadbd');
  const installDb = findExecutable('mariadb-install-db');
  if (!['127.0.0.1', 'localhost'].includes(hostname) || !mariadbd || !installDb) {
    throw new Error(`No MySQL server answers at ${url}.\n${INSTALL_HINT}`);
  }
  const dataDir = join(dataRoot, 'mysql');
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      // --no-defaults: the system's my.cnf (user=mysql, its own datadir) must not apply here.
      // "normal" auth gives root an empty password over TCP, as the default MYSQL_URL expects.
      await run(installDb, [
        '--no-defaults',
        `--datadir=${dataDir}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        `--user=${userName()}`,
      ]);
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true }); // never leave a half-made data folder
      throw new Error(
        `mariadb-install-db failed: ${(error as { stderr?: string }).stderr ?? String(error)}`,
      );
    }
  }
  const server = spawnManaged('mariadbd', mariadbd, [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--socket=${join(dataRoot, 'mysql.sock')}`,
    `--pid-file=${join(dataRoot, 'mysql.pid')}`,
    `--port=${port || 3306}`,
    '--bind-address=127.0.0.1',
    // mariadbd refuses to run as root unless told to; as anyone else this is a no-op.
    `--user=${userName()}`,
  ]);
  await waitFor(`MariaDB at ${url}`, () => ping(url));
  return server;
}
