import { loadConfig, redisPrefix, redisUrl, httpUrl, z } from '@dash/config';
import { defaultSubgraphUrl, subgraphUrlVariable } from '@dash/contracts';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from './charge/fees.rules.js';

const DAY = 24 * 3600 * 1000;

const feeRule = z.object({
  percentBps: z.number().int().min(0).max(10_000),
  fixed: z.number().int().min(0),
});

/** DASH_FEE_SCHEDULE: JSON such as {"default":{"percentBps":290,"fixed":30},"jpy":{…}}. */
const feeSchedule = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value) return DEFAULT_FEE_SCHEDULE;
      try {
        return z
          .object({ default: feeRule })
          .catchall(feeRule)
          .parse(JSON.parse(value)) as FeeSchedule;
      } catch {
        context.addIssue({
          code: 'custom',
          message: 'must be JSON like {"default":{"percentBps":290,"fixed":30}}',
        });
        return z.NEVER;
      }
    });

/** The ledger's own settings, beside those every subgraph has. */
export function loadLedgerConfig(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      DASH_FEE_SCHEDULE: feeSchedule(),
      DASH_AVAILABLE_DELAY_DAYS: z.coerce
        .number({ message: 'must be a number of days' })
        .min(0, 'must not be negative')
        .default(2),
      DASH_BALANCE_AVAILABLE_SWEEP_MS: z.coerce
        .number({ message: 'must be a number of milliseconds' })
        .int('must be a whole number of milliseconds')
        .min(1, 'must be at least 1')
        .default(60_000),
      DASH_NEGATIVE_BALANCE_WATCH_MS: z.coerce
        .number({ message: 'must be a number of milliseconds' })
        .int('must be a whole number of milliseconds')
        .min(1, 'must be at least 1')
        .default(60_000),
      DASH_RISK_TICK_MS: z.coerce
        .number({ message: 'must be a number of milliseconds' })
        .int('must be a whole number of milliseconds')
        .min(1, 'must be at least 1')
        .default(60_000),
      [subgraphUrlVariable('identity')]: httpUrl(defaultSubgraphUrl('identity')),
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
    },
    env,
  ) as Record<string, unknown>;
  return {
    feeSchedule: raw.DASH_FEE_SCHEDULE as FeeSchedule,
    availableDelayMs: (raw.DASH_AVAILABLE_DELAY_DAYS as number) * DAY,
    /** How often funds that became available are looked for, to record `balance.available`. */
    balanceAvailableSweepMs: raw.DASH_BALANCE_AVAILABLE_SWEEP_MS as number,
    /** How often balances that went below zero (or came back) are looked for. */
    negativeBalanceWatchMs: raw.DASH_NEGATIVE_BALANCE_WATCH_MS as number,
    /** How often risk signals are assessed and rolling-reserve money held and released. */
    riskTickMs: raw.DASH_RISK_TICK_MS as number,
    identityUrl: raw[subgraphUrlVariable('identity')] as string,
    redisUrl: raw.REDIS_URL as string,
    redisPrefix: raw.DASH_REDIS_PREFIX as string,
  };
}

export type LedgerConfig = ReturnType<typeof loadLedgerConfig>;
