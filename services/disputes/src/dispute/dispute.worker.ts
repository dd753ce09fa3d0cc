import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { DisputeLifecycle } from './dispute-lifecycle.service.js';
import type { ReserveTopups } from '../reserve-topup/reserve-topups.service.js';
import type { UnusedFiles } from '../evidence/unused-files.service.js';

const HOUR = 3600 * 1000;

/**
 * Carries out ledger steps left due (the ledger was unreachable when a dispute opened or was
 * won), moves top-ups on (their debit of the bank settled or failed), and deletes evidence
 * files no dispute uses, as scheduled chores; each step is guarded so a second run changes nothing.
 */
export function startDisputeWork(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  tickMs: number;
  lifecycle: DisputeLifecycle;
  topups: ReserveTopups;
  unusedFiles: UnusedFiles;
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
      'delete-unused-files': {
        everyMs: HOUR,
        run: async () => {
          const deleted = await options.unusedFiles.deleteExpired();
          if (deleted) options.log.info({ deleted }, 'unused evidence files deleted');
        },
      },
    },
    options,
  );
}
