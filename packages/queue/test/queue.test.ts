import { afterAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { createLogger } from '@dash/logger';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { createRedisConnection, createWorker, defineQueue, TypedQueue } from '../src/index.js';

type Jobs = { greet: { name: string }; flaky: { failTimes: number } };
const definition = defineQueue<Jobs>('greetings', ['greet', 'flaky']);
const prefix = testRedisPrefix('queue');
const connection = createRedisConnection(testRedisUrl());
const log = createLogger('queue-test');

afterAll(async () => {
  await deleteRedisPrefix(testRedisUrl(), prefix);
  connection.disconnect();
});

describe('queue helper', () => {
  it('refuses to start a worker that lacks a handler', () => {
    expect(() =>
      createWorker(definition, { greet: async () => {} } as never, {
        connection,
        prefix,
        concurrency: 1,
        log,
      }),
    ).toThrow(/no handler for: flaky/);
  });

  it('runs jobs by name, retries with backoff, de-duplicates by jobId and closes cleanly', async () => {
    const queue = new TypedQueue(definition, { connection, prefix });
    const events = new QueueEvents(definition.name, {
      connection: createRedisConnection(testRedisUrl()),
      prefix,
    });
    await events.waitUntilReady();
    const greeted: string[] = [];
    const attemptTimes: number[] = [];
    const worker = createWorker(
      definition,
      {
        greet: async ({ name }) => {
          greeted.push(name);
        },
        flaky: async ({ failTimes }, job) => {
          attemptTimes.push(Date.now());
          if (job.attemptsMade < failTimes) throw new Error('provider down');
        },
      },
      { connection, prefix, concurrency: 2, log },
    );
    try {
      const first = await queue.add('greet', { name: 'Ada' }, { jobId: 'greet-ada' });
      await queue.add('greet', { name: 'Ada again' }, { jobId: 'greet-ada' });
      await first.waitUntilFinished(events, 10_000);

      const flaky = await queue.add('flaky', { failTimes: 2 }, { backoffDelayMs: 100 });
      await flaky.waitUntilFinished(events, 10_000);

      expect(greeted).toEqual(['Ada']);
      expect(attemptTimes).toHaveLength(3);
      // Exponential: the second wait is longer than the first (jitter cannot invert 100ms vs 200ms·[0.5,1]).
      const firstWait = attemptTimes[1]! - attemptTimes[0]!;
      const secondWait = attemptTimes[2]! - attemptTimes[1]!;
      expect(firstWait).toBeGreaterThanOrEqual(50);
      expect(secondWait).toBeGreaterThanOrEqual(100);
    } finally {
      await worker.close();
      await queue.close();
      await events.close();
      await events.disconnect();
    }
    expect(worker.isRunning()).toBe(false);
  });
});
