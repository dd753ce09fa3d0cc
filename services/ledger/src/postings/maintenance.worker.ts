import type { DataSource } from 'typeorm';
import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { IdempotencyKeys } from '@dash/subgraph';
import { releaseDue } from './release.service.js';

/**
 * The ledger's chores: settling pending money whose day has come, and forgetting idempotency
 * keys past their retention. However many ledger instances run, each is scheduled once.
 */
export function startMaintenance(options: {
  dataSource: DataSource;
  keys: IdempotencyKeys;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const { dataSource, keys, log } = options;
  return startScheduledJobs(
    'ledger-maintenance',
    {
      'release-pending': {
        everyMs: 60_000,
        run: async () => {
          const released = await releaseDue(dataSource, new Date());
          if (released > 0) log.info({ released }, 'released pending balance transactions');
        },
      },
      'expire-idempotency-keys': {
        everyMs: 3_600_000,
        run: async () => {
          await keys.expire();
        },
      },
    },
    options,
  );
}
