import { afterAll, describe, expect, it } from 'vitest';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createLogger } from '@dash/logger';
import { startTracing, stopTracing } from '@dash/telemetry';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { createRedisConnection, defineQueue, startWorker, TypedQueue } from '../src/index.js';

const exporter = new InMemorySpanExporter();
await startTracing({ part: 'queue-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });

const prefix = testRedisPrefix('queue-tracing');
const connection = createRedisConnection(testRedisUrl());
const jobs = defineQueue<{ work: { n: number } }>('traced', ['work']);

afterAll(async () => {
  connection.disconnect();
  await deleteRedisPrefix(testRedisUrl(), prefix);
  await stopTracing();
});

describe('a traced job', () => {
  it('is processed inside the trace of the request that queued it', async () => {
    const seen: string[] = [];
    const worker = await startWorker(
      jobs,
      {
        work: async () => {
          seen.push(trace.getSpan(context.active())?.spanContext().traceId ?? 'none');
        },
      },
      { redisUrl: testRedisUrl(), prefix, concurrency: 1, log: createLogger('test', 'silent') },
    );
    const queue = new TypedQueue(jobs, { connection, prefix });
    // The request's span, as the HTTP instrumentation opens one for each request.
    const request = trace.getTracer('test').startSpan('POST /graphql');
    await context.with(trace.setSpan(context.active(), request), () => queue.add('work', { n: 1 }));
    request.end();
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    expect(seen[0]).toBe(request.spanContext().traceId);
    await worker.stop();
    await queue.close();
  });
});
