import { Queue, type JobsOptions } from 'bullmq';
import { queueTelemetry, watchQueue } from '@dash/telemetry';
import type { RedisClient } from './connection.js';
import type { JobMap, QueueDefinition } from './define.js';

export interface QueueSettings {
  connection: RedisClient;
  /** Redis key prefix for this environment (or test file); see queueKeyPrefix. */
  prefix: string;
  /** Overrides of DEFAULT_JOB_OPTIONS for every job of this queue. */
  jobOptions?: JobsOptions;
}

/**
 * The prefix BullMQ puts before every key of a queue. BullMQ's scripts touch several keys of a
 * queue at once, which a Redis Cluster runs only when they hash to one slot; a key's slot is
 * decided by its first `{hash tag}` alone, so the prefix is wrapped in one (`dash` becomes
 * `{dash}`) unless it already carries a tag. Single servers and Sentinel ignore the braces.
 */
export function queueKeyPrefix(prefix: string): string {
  const open = prefix.indexOf('{');
  const close = open < 0 ? -1 : prefix.indexOf('}', open + 1);
  // Redis counts a tag only when something stands between the braces.
  return close > open + 1 ? prefix : `{${prefix}}`;
}

/**
 * Retries for jobs that talk to the outside world: five attempts, exponential backoff from one
 * second with jitter so a recovering provider is not hit by every retry at once.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface AddOptions {
  /** De-duplicates: a second add with the same id is ignored while the first job exists. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  backoffDelayMs?: number;
}

/** A queue that only accepts the job names and payloads its definition declares. */
export class TypedQueue<Jobs extends JobMap> {
  readonly queue: Queue;
  private readonly unwatch: () => void;

  constructor(definition: QueueDefinition<Jobs>, settings: QueueSettings) {
    const telemetry = queueTelemetry();
    this.queue = new Queue(definition.name, {
      connection: settings.connection,
      prefix: queueKeyPrefix(settings.prefix),
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...settings.jobOptions },
      ...(telemetry ? { telemetry } : {}),
    });
    // Depth and the oldest job's age are reported by every process that can add to the queue.
    this.unwatch = watchQueue(this.queue);
    // Connection trouble already fails the add() that meets it; without a listener BullMQ would
    // also print every reconnect attempt.
    this.queue.on('error', () => {});
  }

  async add<Name extends keyof Jobs & string>(
    name: Name,
    data: Jobs[Name],
    options: AddOptions = {},
  ) {
    const backoff =
      options.backoffDelayMs === undefined
        ? undefined
        : { type: 'exponential', delay: options.backoffDelayMs, jitter: 0.5 };
    return this.queue.add(name, data, {
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
      ...(options.attempts ? { attempts: options.attempts } : {}),
      ...(backoff ? { backoff } : {}),
    });
  }

  /** Many jobs in one round trip; each keeps its own id, so a repeated batch adds nothing new. */
  async addBulk<Name extends keyof Jobs & string>(
    jobs: ReadonlyArray<{ name: Name; data: Jobs[Name]; jobId: string }>,
    options: Pick<AddOptions, 'delayMs'> = {},
  ) {
    return this.queue.addBulk(
      jobs.map(({ name, data, jobId }) => ({
        name,
        data,
        opts: { jobId, ...(options.delayMs ? { delay: options.delayMs } : {}) },
      })),
    );
  }

  close(): Promise<void> {
    this.unwatch();
    return this.queue.close();
  }
}
