import { count, loadConfig, positiveInt } from '@dash/config';
import type { Logger } from '@dash/logger';
import { startScheduledJobs } from '@dash/queue';
import type { Reverification } from './reverification.service.js';

/** How often the chore looks, and how long test mode's simulated provider takes to answer. */
export function loadReverificationSettings(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      DASH_VERIFICATION_TICK_MS: positiveInt(2_000),
      DASH_SIMULATED_VERIFICATION_MS: count('milliseconds', 5_000),
    },
    env,
  );
  return {
    tickMs: raw.DASH_VERIFICATION_TICK_MS,
    simulatedMs: raw.DASH_SIMULATED_VERIFICATION_MS,
  };
}

/**
 * Verifies changed details again as a scheduled chore, scheduled once however many identity
 * instances run; each answer is written once (see Reverification).
 */
export function startReverification(options: {
  redisUrl: string;
  prefix: string;
  log: Logger;
  tickMs: number;
  reverification: Reverification;
}) {
  return startScheduledJobs(
    'identity-verification',
    {
      'verify-changed-details': {
        everyMs: options.tickMs,
        run: async () => {
          const answered = await options.reverification.runDue();
          if (answered) options.log.info({ answered }, 'changed details verified again');
        },
      },
    },
    options,
  );
}
