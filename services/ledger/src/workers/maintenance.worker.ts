import type { DataSource } from 'typeorm';
import type { Logger } from '@dash/logger';
import { defineQueue, openQueue, startWorker } from '@dash/queue';
import { deleteExpiredKeys } from '../ledger/idempotency.js';
import { releaseDue } from '../ledger/release.js';

type MaintenanceJobs = {
  'release-pending': Record<string, never>;
  'expire-idempotency-keys': Record<string, never>;
};
const maintenanceQueue = defineQueue<MaintenanceJobs>('ledger-maintenance', [
  'release-pending',
  'expire-idempotency-keys',
]);

/** How often each chore runs. Schedulers are keyed by name, so every instance sets the same. */
const EVERY_MS: Record<keyof MaintenanceJobs, number> = {
  'release-pending': 60_000,
  'expire-idempotency-keys': 3_600_000,
};

/**
 * The ledger's chores on BullMQ job schedulers: settling pending money whose day has come, and
 * forgetting idempotency keys past their retention. However many ledger instances run, each
 * chore is scheduled once (same scheduler id) and done by one worker at a time.
 */
export async function startMaintenance(options: {
  dataSource: DataSource;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const { dataSource, log } = options;
  const producer = openQueue(maintenanceQueue, {
    redisUrl: options.redisUrl,
    prefix: options.prefix,
  });
  for (const [name, every] of Object.entries(EVERY_MS)) {
    await producer.queue.queue.upsertJobScheduler(name, { every }, { name, data: {} });
  }
  const worker = await startWorker(
    maintenanceQueue,
    {
      'release-pending': async () => {
        const released = await releaseDue(dataSource, new Date());
        if (released > 0) log.info({ released }, 'released pending balance transactions');
      },
      'expire-idempotency-keys': async () => {
        await deleteExpiredKeys(dataSource);
      },
    },
    { redisUrl: options.redisUrl, prefix: options.prefix, concurrency: 1, log },
  );
  return {
    readiness: { ...worker.readiness, redisProducer: producer.ping },
    async stop() {
      await worker.stop();
      await producer.close();
    },
  };
}
