import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DATA_DIR } from './paths.js';
import { findExecutable, spawnManaged, waitFor, type ManagedProcess } from './processes.js';

async function ping(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {}); // a refused connection is an answer here, reported by connect()
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

const INSTALL_HINT = `Install Redis, or point REDIS_URL at a running server:
  Debian/Ubuntu: sudo apt-get install -y redis-server
  macOS:         brew install redis
  Docker:        docker compose -f infra/docker-compose.yml up -d`;

/** Like ensureMysql: a running Redis, else the system's redis-server under .data/redis. */
export async function ensureRedis(
  url: string,
  dataDir = DATA_DIR,
): Promise<ManagedProcess | undefined> {
  try {
    await ping(url);
    return undefined;
  } catch {
    // Not running: try to start one below.
  }
  const { hostname, port } = new URL(url);
  const redisServer = findExecutable('redis-server');
  if (!['127.0.0.1', 'localhost'].includes(hostname) || !redisServer) {
    throw new Error(`No Redis answers at ${url}.\n${INSTALL_HINT}`);
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const server = spawnManaged('redis-server', redisServer, [
    '--port',
    port || '6379',
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await waitFor(`Redis at ${url}`, () => ping(url));
  return server;
}
