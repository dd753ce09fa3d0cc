import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, waitFor } from '@dash/testing';
import { exited } from './wait.js';

/**
 * A redis-server of the test's own, on a free port, with nothing saved on its own: the test may
 * stop and restart it while the shared Redis carries on for everyone else.
 */
export interface PrivateRedis {
  url: string;
  /** Stops the server. `keepData` saves its data first, as a planned restart does. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Starts it again on the same port (with the data a `keepData` stop saved). */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing answers. */
  freeze(): void;
  /** Lets a frozen server carry on (SIGCONT). */
  thaw(): void;
  /** Stops it for good and removes its folder. */
  remove(): Promise<void>;
}

async function answers(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'dash-faults-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
        ...['--save', '', '--appendonly', 'no', '--dbfilename', 'dump.rdb'],
      ],
      { stdio: 'ignore' },
    );
    await waitFor(`private Redis on port ${port}`, () => answers(url), 15_000);
  };

  const stop = async ({ keepData = false } = {}) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = exited(running);
    if (keepData) {
      const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => {});
      // SHUTDOWN SAVE writes dump.rdb and exits; the reply never comes (the connection closes).
      await redis.call('SHUTDOWN', 'SAVE').catch(() => undefined);
      redis.disconnect();
    } else {
      running.kill('SIGKILL');
    }
    await gone;
  };

  await start();
  return {
    url,
    start,
    stop,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async remove() {
      child?.kill('SIGCONT');
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
