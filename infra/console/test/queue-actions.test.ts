import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { defineQueue, openQueue, startWorker, type RunningWorker } from '@dash/queue';
import { testRedisUrl } from '@dash/testing';
import {
  bearer,
  OPERATOR_SECRET,
  startTestConsole,
  type ConsoleUnderTest,
} from './console-harness.js';

/** A queue no list in the console names: it must be found in Redis. */
const choresQueue = defineQueue<{ 'tidy-up': { attempt: string } }>('ops-chores', ['tidy-up']);

let subject: ConsoleUnderTest;
let worker: RunningWorker;
let producer: ReturnType<typeof openQueue<{ 'tidy-up': { attempt: string } }>>;
/** The handler fails until an operator has fixed what it needs. */
let fixed = false;
const handled: string[] = [];

beforeAll(async () => {
  subject = await startTestConsole('console-queues');
  const settings = { redisUrl: testRedisUrl(), prefix: subject.prefix };
  producer = openQueue(choresQueue, settings);
  worker = await startWorker(
    choresQueue,
    {
      'tidy-up': async ({ attempt }) => {
        if (!fixed) throw new Error('the bucket is not there yet');
        handled.push(attempt);
      },
    },
    { ...settings, concurrency: 1, log: pino({ level: 'silent' }) },
  );
});
afterAll(async () => {
  await worker.stop();
  await producer.close();
  await subject.stop();
});

const api = async (method: string, path: string) => {
  const response = await fetch(`${subject.url}/api${path}`, {
    method,
    headers: bearer(OPERATOR_SECRET),
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
};

interface BoardQueue {
  name: string;
  counts: Record<string, number>;
  jobs: Array<{ id: string; failedReason?: string }>;
}

const queueOnBoard = async (name: string, status = 'latest') => {
  const { body } = await api('GET', `/queues?activeQueue=${name}&status=${status}`);
  return (body as { queues: BoardQueue[] }).queues.find((queue) => queue.name === name);
};

const until = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('the queue console', () => {
  it('shows the product’s declared queues from the start', async () => {
    const { body } = await api('GET', '/queues');
    const names = (body as { queues: BoardQueue[] }).queues.map((queue) => queue.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'delivery',
        'events-notifications',
        'events-ledger',
        'events-payouts',
        'events-identity',
        'events-disputes',
      ]),
    );
  });

  it('lets an operator retry a real failed job, and logs who did it', async () => {
    const job = await producer.queue.queue.add(
      'tidy-up',
      { attempt: 'first' },
      { attempts: 1, jobId: 'tidy-1' },
    );
    await until(async () => (await job.getState()) === 'failed');

    // The queue appeared in Redis after the console started: it finds it by itself.
    expect(await subject.console.refreshQueues()).toContain('ops-chores');
    const failed = await queueOnBoard('ops-chores', 'failed');
    expect(failed?.counts.failed).toBe(1);
    expect(failed?.jobs.map((shown) => [shown.id, shown.failedReason])).toEqual([
      ['tidy-1', 'the bucket is not there yet'],
    ]);

    fixed = true;
    expect((await api('PUT', '/queues/ops-chores/tidy-1/retry')).status).toBe(204);
    await until(async () => (await job.getState()) === 'completed');
    expect(handled).toEqual(['first']);
    expect((await queueOnBoard('ops-chores'))?.counts).toMatchObject({ failed: 0, completed: 1 });

    expect(subject.logLines).toContainEqual(
      expect.objectContaining({
        msg: 'operator action',
        operator: 'alice',
        action: 'PUT /api/queues/ops-chores/tidy-1/retry',
        status: 204,
      }),
    );
  });

  it('logs a refused action as refused, with the operator who tried it', async () => {
    const { status } = await api('PUT', '/queues/ops-chores/no-such-job/promote');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(subject.logLines).toContainEqual(
      expect.objectContaining({
        msg: 'operator action refused',
        operator: 'alice',
        action: 'PUT /api/queues/ops-chores/no-such-job/promote',
      }),
    );
  });
});
