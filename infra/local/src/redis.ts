import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DATA_DIR } from './paths.js';
import { ensureLocalServer, spawnManaged, type ManagedProcess } from './processes.js';

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

/** A Redis at `url`: a running one, or the system's redis-server under .data/redis. */
export function ensureRedis(url: string, dataRoot = DATA_DIR): Promise<ManagedProcess | undefined> {
  return ensureLocalServer({
    name: 'Redis',
    url,
    ping,
    executables: ['redis-server'],
    installHint: INSTALL_HINT,
    async start(port, [redisServer]) {
      const dir = join(dataRoot, 'redis');
      mkdirSync(dir, { recursive: true });
      return spawnManaged('redis-server', redisServer!, [
        ...['--port', port || '6379', '--bind', '127.0.0.1', '--dir', dir],
        ...['--save', '', '--appendonly', 'no'],
      ]);
    },
  });
}
