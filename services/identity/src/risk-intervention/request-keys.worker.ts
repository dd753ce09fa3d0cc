import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { IdempotencyKeys } from '@dash/subgraph';

/** Keys are kept a day at least; forgetting the older ones is an hourly chore. */
const EXPIRE_KEYS_EVERY_MS = 3_600_000;

/**
 * Forgets the idempotency keys of platforms' intervention requests once they are old enough,
 * as the ledger and payouts forget theirs: scheduled once however many identity instances run.
 */
export function startRequestKeyExpiry(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  keys: IdempotencyKeys;
}) {
  return startScheduledJobs(
    'identity-request-keys',
    {
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
