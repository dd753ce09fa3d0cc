import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { NegativeBalanceWatch } from './negative-balance-watch.service.js';

/**
 * The watch of negative balances as a chore of its own queue: scheduled once per interval
 * however many ledger workers there are; were two passes ever to run at once, the watch's row
 * lock makes them take turns.
 */
export function startNegativeBalanceWatch(options: {
  watch: NegativeBalanceWatch;
  everyMs: number;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const { watch, log } = options;
  return startScheduledJobs(
    'ledger-negative-balances',
    {
      'watch-negative-balances': {
        everyMs: options.everyMs,
        run: async () => {
          const looked = await watch.pass(new Date());
          if (looked > 0) log.debug({ looked }, 'negative balances looked at');
        },
      },
    },
    options,
  );
}
