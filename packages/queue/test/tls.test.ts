import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dash/logger';
import { createCommandConnection, defineQueue, openQueue, startWorker } from '../src/index.js';
import { startTlsServer } from './private-redis.js';

// A private Redis that speaks only TLS, with a certificate for redis.test from a CA of its own.
let server: Awaited<ReturnType<typeof startTlsServer>>;
beforeAll(async () => {
  server = await startTlsServer();
});
afterAll(() => server?.stop());

const trusted = () =>
  `${server.url}?tls_ca_file=${encodeURIComponent(server.caFile)}&tls_servername=redis.test`;

/** Whether a command gets through on this URL within a bounded wait. */
async function answers(url: string): Promise<boolean> {
  const redis = createCommandConnection(url, 1000);
  try {
    return (await Promise.race([
      redis.ping().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000)),
    ]).catch(() => false)) as boolean;
  } finally {
    redis.disconnect();
  }
}

describe('Redis over TLS', () => {
  it('runs jobs and commands when the CA and the certificate name are configured', async () => {
    const definition = defineQueue<{ ping: { n: number } }>('tls', ['ping']);
    const seen: number[] = [];
    const log = createLogger('tls-test', 'silent');
    const worker = await startWorker(
      definition,
      { ping: async ({ n }) => void seen.push(n) },
      { redisUrl: trusted(), prefix: 'dash', log, concurrency: 1 },
    );
    const producer = openQueue(definition, { redisUrl: trusted(), prefix: 'dash' });
    try {
      await producer.queue.add('ping', { n: 7 });
      await expect.poll(() => seen, { timeout: 10_000 }).toEqual([7]);
      expect(await answers(trusted())).toBe(true);
    } finally {
      await worker.stop();
      await producer.close();
    }
  });

  it('refuses a server its CA does not vouch for, or one with another name', async () => {
    // No CA: the system's CAs do not know this one.
    expect(await answers(`${server.url}?tls_servername=redis.test`)).toBe(false);
    // The right CA, but the certificate is not for the name asked for.
    expect(
      await answers(
        `${server.url}?tls_ca_file=${encodeURIComponent(server.caFile)}&tls_servername=evil.test`,
      ),
    ).toBe(false);
  });
});
