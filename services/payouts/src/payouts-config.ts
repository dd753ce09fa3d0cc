import { count, httpUrl, loadConfig, redisPrefix, redisUrl, z } from '@dash/config';
import { defaultSubgraphUrl, subgraphUrlVariable } from '@dash/contracts';

/** The payouts service's own settings, beside those every subgraph has. */
export function loadPayoutsConfig(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      [subgraphUrlVariable('identity')]: httpUrl(defaultSubgraphUrl('identity')),
      [subgraphUrlVariable('ledger')]: httpUrl(defaultSubgraphUrl('ledger')),
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      DASH_PAYOUT_BUSINESS_DAYS: count('business days', 2),
      DASH_INSTANT_PAYOUT_FEE_BPS: count('hundredths of a percent', 100),
      DASH_INSTANT_PAYOUT_FEE_MIN: count('minor units', 50),
      DASH_PAYOUT_DEFAULT_DELAY_DAYS: count('days', 2),
      DASH_PAYOUT_TICK_MS: count('milliseconds', 5_000),
      DASH_AUTOMATIC_PAYOUTS_EVERY_MS: count('milliseconds', 15 * 60_000),
      DASH_SIMULATED_BANK_SETTLE_MS: count('milliseconds', 60_000),
      DASH_RECOVERY_EVERY_MS: count('milliseconds', 60_000),
      DASH_RECOVERY_BACKOFF_MS: count('milliseconds', 24 * 3_600_000),
      DASH_SIMULATED_BANK_FAILURE_RATE: z.coerce
        .number({ message: 'must be a share between 0 and 1' })
        .min(0)
        .max(1)
        .default(0),
    },
    env,
  ) as Record<string, unknown>;
  const n = (name: string) => raw[name] as number;
  return {
    identityUrl: raw[subgraphUrlVariable('identity')] as string,
    ledgerUrl: raw[subgraphUrlVariable('ledger')] as string,
    redisUrl: raw.REDIS_URL as string,
    redisPrefix: raw.DASH_REDIS_PREFIX as string,
    businessDays: n('DASH_PAYOUT_BUSINESS_DAYS'),
    instantFee: {
      percentBps: n('DASH_INSTANT_PAYOUT_FEE_BPS'),
      minimum: n('DASH_INSTANT_PAYOUT_FEE_MIN'),
    },
    defaultDelayDays: n('DASH_PAYOUT_DEFAULT_DELAY_DAYS'),
    tickMs: n('DASH_PAYOUT_TICK_MS'),
    automaticEveryMs: n('DASH_AUTOMATIC_PAYOUTS_EVERY_MS'),
    /** How often negative balances due for recovery are looked for, and debits moved along. */
    recoveryEveryMs: n('DASH_RECOVERY_EVERY_MS'),
    /** The wait after a recovery debit's first failed try; it doubles with each try. */
    recoveryBackoffMs: n('DASH_RECOVERY_BACKOFF_MS'),
    simulatedBank: {
      settleMs: n('DASH_SIMULATED_BANK_SETTLE_MS'),
      failureRate: n('DASH_SIMULATED_BANK_FAILURE_RATE'),
    },
  };
}

export type PayoutsConfig = ReturnType<typeof loadPayoutsConfig>;
