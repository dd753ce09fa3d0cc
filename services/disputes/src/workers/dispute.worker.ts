import type { Logger } from '@dash/logger';
import { defineQueue, openQueue, startWorker } from '@dash/queue';
import type { DisputeLifecycle } from '../disputes/dispute-lifecycle.js';
import type { ReserveTopups } from '../disputes/reserve-topups.js';

type DisputeJobs = { 'settle-ledger-steps': Record<string, never> };
const disputeQueue = defineQueue<DisputeJobs>('disputes-work', ['settle-ledger-steps']);

/**
 * Carries out ledger steps left due (the ledger was unreachable when a dispute opened or was
 * won, or a top-up was asked for), on a BullMQ job scheduler: scheduled once however many
 * instances run, and each step guarded so a second run changes nothing.
 */
export async function startDisputeWork(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  tickMs: number;
  lifecycle: DisputeLifecycle;
  topups: ReserveTopups;
}) {
  const producer = openQueue(disputeQueue, { redisUrl: options.redisUrl, prefix: options.prefix });
  await producer.queue.queue.upsertJobScheduler(
    'settle-ledger-steps',
    { every: options.tickMs },
    { name: 'settle-ledger-steps', data: {} },
  );
  const worker = await startWorker(
    disputeQueue,
    {
      'settle-ledger-steps': async () => {
        await options.lifecycle.settleLedgerSteps();
        await options.topups.retryPending();
      },
    },
    { redisUrl: options.redisUrl, prefix: options.prefix, concurrency: 1, log: options.log },
  );
  return {
    readiness: { ...worker.readiness, redisProducer: producer.ping },
    async stop() {
      await worker.stop();
      await producer.close();
    },
  };
}
