import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withServerConnection } from '@dash/db';
import { DATA_DIR } from './paths.js';
import { ensureLocalServer, spawnManaged, type ManagedProcess } from './processes.js';

const run = promisify(execFile);
const userName = () => userInfo().username;

const INSTALL_HINT = `Install MariaDB or MySQL, or point MYSQL_URL at a running server:
  Debian/Ubuntu: sudo apt-get install -y mariadb-server
  macOS:         brew install mariadb
  Docker:        docker compose -f infra/docker-compose.yml up -d`;

/** Creates the data folder once; a failed attempt leaves nothing half-made behind. */
async function initializeDataDir(installDb: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir)) return;
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
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(
      `mariadb-install-db failed: ${(error as { stderr?: string }).stderr ?? String(error)}`,
    );
  }
}

/** A MySQL-compatible server at `url`: a running one, or the system's mariadbd under .data/mysql. */
export function ensureMysql(url: string, dataRoot = DATA_DIR): Promise<ManagedProcess | undefined> {
  return ensureLocalServer({
    name: 'MySQL server',
    url,
    ping: (serverUrl) =>
      withServerConnection(serverUrl, (connection) => connection.query('SELECT 1')),
    executables: ['mariadbd', 'mariadb-install-db'],
    installHint: INSTALL_HINT,
    async start(port, [mariadbd, installDb]) {
      const dataDir = join(dataRoot, 'mysql');
      await initializeDataDir(installDb!, dataDir);
      return spawnManaged('mariadbd', mariadbd!, [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--socket=${join(dataRoot, 'mysql.sock')}`,
        `--pid-file=${join(dataRoot, 'mysql.pid')}`,
        `--port=${port || 3306}`,
        '--bind-address=127.0.0.1',
        // mariadbd refuses to run as root unless told to; as anyone else this is a no-op.
        `--user=${userName()}`,
      ]);
    },
  });
}
