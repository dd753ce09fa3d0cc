import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { DisputeLifecycle } from '../disputes/dispute-lifecycle.js';
import type { ReserveTopups } from '../disputes/reserve-topups.js';

/**
 * Carries out ledger steps left due (the ledger was unreachable when a dispute opened or was
 * won), and moves top-ups on (their debit of the bank settled or failed), as a scheduled chore;
 * each step is guarded so a second run changes nothing.
 */
export function startDisputeWork(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  tickMs: number;
  lifecycle: DisputeLifecycle;
  topups: ReserveTopups;
}) {
  return startScheduledJobs(
    'disputes-work',
    {
      'settle-ledger-steps': {
        everyMs: options.tickMs,
        run: async () => {
          await options.lifecycle.settleLedgerSteps();
          await options.topups.advancePending();
        },
      },
    },
    options,
  );
}
