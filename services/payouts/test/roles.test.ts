import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defineQueue, openQueue } from '@dash/queue';
import { createTestDatabase, deleteRedisPrefix, testRedisUrl } from '@dash/testing';
import { startTestService, TEST_INTERNAL_SECRET, type TestService } from '@dash/subgraph/testing';
import { payoutsService } from '../src/index.js';

const started: TestService[] = [];
afterAll(async () => {
  for (const service of started) await service.close();
  for (const role of ['api', 'worker']) await deleteRedisPrefix(testRedisUrl(), prefixFor(role));
});

/** The payouts chores' queue, as the worker part declares it, under the test's prefix. */
const choresQueue = (prefix: string) =>
  openQueue(defineQueue('payouts-work', []), { redisUrl: testRedisUrl(), prefix });
const prefixFor = (role: string) => `test:roles-${role}:${process.pid}`;

async function startIn(role: string) {
  const service = await startTestService(payoutsService, {
    DASH_ROLE: role,
    DASH_REDIS_PREFIX: prefixFor(role),
  });
  started.push(service);
  return service;
}

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('DASH_ROLE', () => {
  it('api serves GraphQL and runs no background work', async () => {
    const service = await startIn('api');
    const answer = await service.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(answer.data?._service.sdl).toMatch(/payoutQuote/);
    expect(answer.errors).toBeUndefined();
    expect((await get(service.url.replace('/graphql', '/ready'))).status).toBe(200);

    const chores = choresQueue(prefixFor('api'));
    try {
      expect(await chores.queue.queue.getWorkersCount()).toBe(0);
      expect(await chores.queue.queue.getJobSchedulersCount()).toBe(0);
    } finally {
      await chores.close();
    }
  });

  it('worker runs the background work and answers only /health and /ready', async () => {
    const service = await startIn('worker');
    const base = service.url;
    expect(await get(`${base}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks as object)).toEqual(
      expect.arrayContaining(['database', 'redisProducer']),
    );
    const graphql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).toBe(404);
    expect(await graphql.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });

    const chores = choresQueue(prefixFor('worker'));
    try {
      expect(await chores.queue.queue.getWorkersCount()).toBeGreaterThan(0);
      expect(await chores.queue.queue.getJobSchedulersCount()).toBe(3);
    } finally {
      await chores.close();
    }
  });

  it('an unknown role is refused as a setting', async () => {
    await expect(startIn('scheduler')).rejects.toThrow(/DASH_ROLE/);
  });
});

describe('a payouts process started before its migrations', () => {
  it('exits with 75 and says to run the migrations, instead of serving', async () => {
    const db = await createTestDatabase('payouts-unmigrated');
    try {
      const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
      const child = spawn(process.execPath, [main], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          MYSQL_URL: db.url,
          DASH_PAYOUTS_DATABASE: db.database,
          DASH_PAYOUTS_PORT: '0',
          DASH_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
          REDIS_URL: testRedisUrl(),
          DASH_REDIS_PREFIX: `test:roles-unmigrated:${process.pid}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(75);
      expect(output).toMatch(/schema is older than this code/);
      expect(output).toMatch(/Init1764028800000/);
    } finally {
      await db.drop();
    }
  });
});
