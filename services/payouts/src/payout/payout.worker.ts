import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { IdempotencyKeys } from '@dash/subgraph';
import type { PayoutLifecycle } from './payout-lifecycle.service.js';
import type { PayoutRequests } from './payout-requests.service.js';

/** Requests left "started" this long are carried out by the worker (see PayoutRequests). */
const REDRIVE_AFTER_MS = 30_000;
/** Keys are kept a day at least; forgetting the older ones is an hourly chore. */
const EXPIRE_KEYS_EVERY_MS = 3_600_000;

/**
 * The payouts service's chores: moving payouts along their lifecycle (and finishing interrupted
 * requests), making each schedule's automatic payouts, and forgetting old request keys. Each
 * step is guarded in the database, so a job run twice changes nothing the second time.
 */
export function startPayoutWork(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  tickMs: number;
  automaticEveryMs: number;
  lifecycle: PayoutLifecycle;
  requests: PayoutRequests;
  keys: IdempotencyKeys;
  runAutomatic: () => Promise<number>;
}) {
  const { log } = options;
  return startScheduledJobs(
    'payouts-work',
    {
      'advance-payouts': {
        everyMs: options.tickMs,
        run: async () => {
          await options.requests.redrive(new Date(Date.now() - REDRIVE_AFTER_MS));
          const changed = await options.lifecycle.advance();
          if (changed > 0) log.info({ changed }, 'payouts moved along');
        },
      },
      'automatic-payouts': {
        everyMs: options.automaticEveryMs,
        run: async () => {
          const made = await options.runAutomatic();
          if (made > 0) log.info({ made }, 'automatic payouts made');
        },
      },
      'expire-request-keys': {
        everyMs: EXPIRE_KEYS_EVERY_MS,
        run: async () => {
          await options.keys.expire();
        },
      },
    },
    options,
  );
}
