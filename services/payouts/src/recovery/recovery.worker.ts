import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { RecoveryLifecycle } from './recovery-lifecycle.service.js';

/**
 * Recovering negative balances as a chore of its own queue: scheduled once per interval however
 * many payouts workers there are; were two passes to run at once, each step is still taken once
 * (see RecoveryLifecycle).
 */
export function startRecoveryWork(options: {
  lifecycle: RecoveryLifecycle;
  everyMs: number;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const { lifecycle, log } = options;
  return startScheduledJobs(
    'payouts-recovery',
    {
      'recover-negative-balances': {
        everyMs: options.everyMs,
        run: async () => {
          const { started, changed } = await lifecycle.run();
          if (started + changed > 0) log.info({ started, changed }, 'recovery debits moved along');
        },
      },
    },
    options,
  );
}
