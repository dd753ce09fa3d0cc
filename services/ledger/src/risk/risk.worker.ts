import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { ReserveHolds } from '../reserve-hold/reserve-holds.service.js';
import type { RiskAssessor } from './risk-assessor.service.js';

/**
 * The risk chore, on a queue of its own: each tick assesses the accounts' risk signals, then
 * holds and releases rolling-reserve money. The scheduler runs it once per interval however
 * many ledger workers there are; two passes at once still assess in turn (the assessment's
 * mark) and hold each payment once (its hold's key).
 */
export function startRiskChore(options: {
  assessor: RiskAssessor;
  reserveHolds: ReserveHolds;
  everyMs: number;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const { assessor, reserveHolds, log } = options;
  return startScheduledJobs(
    'ledger-risk',
    {
      'assess-risk': {
        everyMs: options.everyMs,
        run: async () => {
          const now = new Date();
          const assessment = await assessor.assessNow(now);
          const reserve = await reserveHolds.runOnce(now);
          if (assessment.recorded > 0 || reserve.held > 0 || reserve.released > 0)
            log.info({ ...assessment, ...reserve }, 'assessed risk and rolling reserves');
        },
      },
    },
    options,
  );
}
