import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from '@dash/logger';
import { createRedisConnection } from './connection.js';
import type { JobMap, QueueDefinition } from './define.js';
import { queueKeyPrefix, type QueueSettings } from './queue.js';

export type JobHandlers<Jobs extends JobMap> = {
  [Name in keyof Jobs]: (data: Jobs[Name], job: Job) => Promise<void>;
};

export interface WorkerSettings extends QueueSettings {
  concurrency: number;
  log: Logger;
  /**
   * How long a job stays this worker's without a sign of life: a worker killed mid-job loses it
   * after this, and another worker takes it up (BullMQ's stalled-job check). 30 s by default.
   */
  lockDuration?: number;
  /** How often this worker looks for such abandoned jobs. */
  stalledInterval?: number;
}

/**
 * One worker for one queue, handlers registered by job name. Start-up fails when a declared
 * job has no handler, so a producer can never enqueue work nobody will do.
 */
export function createWorker<Jobs extends JobMap>(
  definition: QueueDefinition<Jobs>,
  handlers: JobHandlers<Jobs>,
  settings: WorkerSettings,
): Worker {
  const missing = definition.jobNames.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(`Queue "${definition.name}" has no handler for: ${missing.join(', ')}`);
  }
  const log = settings.log.child({ queue: definition.name });
  const worker = new Worker(
    definition.name,
    async (job: Job) => {
      const handler = handlers[job.name as keyof Jobs];
      // A job nobody knows will never succeed; retrying it would only delay the alarm.
      if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
      await handler(job.data as Jobs[keyof Jobs], job);
    },
    {
      connection: settings.connection,
      prefix: queueKeyPrefix(settings.prefix),
      concurrency: settings.concurrency,
      ...(settings.lockDuration ? { lockDuration: settings.lockDuration } : {}),
      ...(settings.stalledInterval ? { stalledInterval: settings.stalledInterval } : {}),
    },
  );
  worker.on('failed', (job, error) => {
    log.warn(
      { jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, err: error },
      'job failed',
    );
  });
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  return worker;
}

/** A worker with a Redis connection of its own, as a service runs it beside its server. */
export interface RunningWorker {
  readiness: { redis: () => Promise<unknown> };
  /** Waits for the jobs in hand, then lets the connection go. */
  stop(): Promise<void>;
}

export async function startWorker<Jobs extends JobMap>(
  definition: QueueDefinition<Jobs>,
  handlers: JobHandlers<Jobs>,
  settings: Omit<WorkerSettings, 'connection'> & { redisUrl: string },
): Promise<RunningWorker> {
  const connection = createRedisConnection(settings.redisUrl);
  const worker = createWorker(definition, handlers, { ...settings, connection });
  await worker.waitUntilReady();
  return {
    readiness: { redis: () => connection.ping() },
    async stop() {
      await worker.close();
      connection.disconnect();
    },
  };
}
