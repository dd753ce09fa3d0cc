import http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dash/logger';
import { healthRouter, listen } from '@dash/server-kit';
import { deleteRedisPrefix, scrapeMetric, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { createRedisConnection, defineQueue, startWorker, TypedQueue } from '../src/index.js';

const prefix = testRedisPrefix('queue-metrics');
const connection = createRedisConnection(testRedisUrl());
const jobs = defineQueue<{ work: { n: number } }>('metrics-watched', ['work']);
// The /metrics every part serves (server-kit's health router).
const server = http.createServer(express().use(healthRouter({}, () => false)));
let base = '';

beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  connection.disconnect();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

const depth = (state: string) => scrapeMetric(base, 'dash_queue_jobs', { queue: jobs.name, state });
const oldestAge = () =>
  scrapeMetric(base, 'dash_queue_oldest_waiting_age_seconds', { queue: jobs.name });

describe('queue metrics', () => {
  it('report what waits and how long, then that it drained', async () => {
    const queue = new TypedQueue(jobs, { connection, prefix });
    await Promise.all([1, 2, 3].map((n) => queue.add('work', { n })));
    await queue.add('work', { n: 4 }, { delayMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await depth('waiting')).toBe(3);
    expect(await depth('delayed')).toBe(1);
    expect(await oldestAge()).toBeGreaterThanOrEqual(1);

    const worker = await startWorker(
      jobs,
      { work: async () => {} },
      { redisUrl: testRedisUrl(), prefix, concurrency: 3, log: createLogger('test', 'silent') },
    );
    await expect.poll(() => depth('waiting'), { timeout: 10_000 }).toBe(0);
    expect(await oldestAge()).toBe(0);
    expect(await depth('delayed')).toBe(1);
    await worker.stop();
    await queue.close();
  });
});
