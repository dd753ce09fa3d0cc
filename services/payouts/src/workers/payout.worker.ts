import type { Logger } from '@dash/logger';
import { defineQueue, openQueue, startWorker } from '@dash/queue';
import type { PayoutLifecycle } from '../payouts/lifecycle.js';
import type { PayoutRequests } from '../payouts/payout-requests.js';

type PayoutJobs = {
  'advance-payouts': Record<string, never>;
  'automatic-payouts': Record<string, never>;
};
const payoutQueue = defineQueue<PayoutJobs>('payouts-work', [
  'advance-payouts',
  'automatic-payouts',
]);

/** Requests left "started" this long are carried out by the worker (see PayoutRequests). */
const REDRIVE_AFTER_MS = 30_000;

/**
 * The payouts service's work on BullMQ job schedulers: moving payouts along their lifecycle
 * (and finishing interrupted requests), and making each schedule's automatic payouts. Keyed by
 * name, so however many instances run, each job is scheduled once; and each step it takes is
 * guarded in the database, so a job run twice changes nothing the second time.
 */
export async function startPayoutWork(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  tickMs: number;
  automaticEveryMs: number;
  lifecycle: PayoutLifecycle;
  requests: PayoutRequests;
  runAutomatic: () => Promise<number>;
}) {
  const { log } = options;
  const producer = openQueue(payoutQueue, { redisUrl: options.redisUrl, prefix: options.prefix });
  const every: Record<keyof PayoutJobs, number> = {
    'advance-payouts': options.tickMs,
    'automatic-payouts': options.automaticEveryMs,
  };
  for (const [name, ms] of Object.entries(every))
    await producer.queue.queue.upsertJobScheduler(name, { every: ms }, { name, data: {} });
  const worker = await startWorker(
    payoutQueue,
    {
      'advance-payouts': async () => {
        const now = new Date();
        await options.requests.redrive(new Date(now.getTime() - REDRIVE_AFTER_MS));
        const changed = await options.lifecycle.advance();
        if (changed > 0) log.info({ changed }, 'payouts moved along');
        await options.requests.expireKeys(now);
      },
      'automatic-payouts': async () => {
        const made = await options.runAutomatic();
        if (made > 0) log.info({ made }, 'automatic payouts made');
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
