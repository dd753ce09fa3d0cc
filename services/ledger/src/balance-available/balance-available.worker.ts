import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { BalanceAvailableSweep } from './balance-available.service.js';

/**
 * The `balance.available` sweep as a chore of its own queue (a long release of pending money in
 * `ledger-maintenance` never holds it up). The scheduler runs it once per interval however many
 * ledger workers there are; were it ever to run twice at once, the sweep's lock keeps each
 * window reported once.
 */
export function startBalanceAvailableSweep(options: {
  sweep: BalanceAvailableSweep;
  everyMs: number;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const { sweep, log } = options;
  return startScheduledJobs(
    'ledger-balance-available',
    {
      'sweep-balance-available': {
        everyMs: options.everyMs,
        run: async () => {
          const recorded = await sweep.sweep(new Date());
          if (recorded > 0) log.info({ recorded }, 'recorded balance.available events');
        },
      },
    },
    options,
  );
}
