import type { Logger } from '@dash/logger';
import { defineQueue } from './define.js';
import { openQueue } from './open.js';
import { startWorker } from './worker.js';

/** A chore: what to do, and how often. */
export interface ScheduledJob {
  everyMs: number;
  run: () => Promise<void>;
}

/**
 * A service's chores on BullMQ job schedulers, in a queue of their own. Schedulers are keyed by
 * job name, so however many instances start, each chore is scheduled once; one job runs at a
 * time, and each chore must be safe to run twice (its steps are guarded in the database).
 */
export async function startScheduledJobs(
  queueName: string,
  jobs: Record<string, ScheduledJob>,
  settings: { redisUrl: string; prefix: string; log: Logger },
) {
  const { redisUrl, prefix, log } = settings;
  const names = Object.keys(jobs);
  const definition = defineQueue<Record<string, Record<string, never>>>(queueName, names);
  const producer = openQueue(definition, { redisUrl, prefix });
  const schedule = async () => {
    for (const name of names)
      await producer.queue.queue.upsertJobScheduler(
        name,
        { every: jobs[name]!.everyMs },
        { name, data: {} },
      );
  };
  await schedule();
  // A Redis that comes back empty (restarted without its data, or a new one failed over to)
  // has forgotten the schedulers: without this the chores would stop until the next deploy.
  // Upserting is idempotent, so a Redis that kept its data loses nothing to it.
  producer.onReconnect(() =>
    schedule().catch((error: unknown) =>
      log.warn({ err: error, queue: queueName }, 'chores not rescheduled after a reconnect'),
    ),
  );
  const worker = await startWorker(
    definition,
    Object.fromEntries(names.map((name) => [name, () => jobs[name]!.run()])),
    { redisUrl, prefix, log, concurrency: 1 },
  );
  return {
    readiness: { ...worker.readiness, redisProducer: producer.ping },
    async stop() {
      await worker.stop();
      await producer.close();
    },
  };
}
