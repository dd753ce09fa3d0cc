import { resolve } from 'node:path';
import { count, httpUrl, loadConfig, positiveInt, redisPrefix, redisUrl, z } from '@dash/config';
import { defaultSubgraphUrl, subgraphUrlVariable } from '@dash/contracts';

/** The disputes service's own settings, beside those every subgraph has. */
export function loadDisputesConfig(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      [subgraphUrlVariable('ledger')]: httpUrl(defaultSubgraphUrl('ledger')),
      [subgraphUrlVariable('identity')]: httpUrl(defaultSubgraphUrl('identity')),
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      DASH_DISPUTE_FEE: count('minor units', 1_500),
      DASH_DISPUTE_FEE_RETURNED_ON_WIN: z
        .enum(['true', 'false'], { message: 'must be true or false' })
        .default('false'),
      DASH_DISPUTE_RESPONSE_DAYS: count('days', 7),
      DASH_DISPUTE_TICK_MS: count('milliseconds', 5_000),
      // Where evidence bytes live: the service's database (any replica serves any file) or a
      // folder (one machine, or a volume every replica mounts).
      DASH_FILE_STORAGE: z.enum(['database', 'disk']).default('database'),
      DASH_FILE_STORAGE_DIR: z.string().default('.data/dispute-files'),
      DASH_DISPUTE_FILE_MAX_BYTES: count('bytes', 5 * 1024 * 1024),
      // How much an account may add to its reserve per currency and day, in minor units.
      DASH_TOPUP_DAILY_MAX: count('minor units', 1_000_000),
      // How long the simulated bank takes to settle a top-up's debit.
      DASH_TOPUP_SETTLE_MS: count('milliseconds', 10_000),
      // What one account may upload as evidence per window, used or not.
      DASH_DISPUTE_FILES_PER_ACCOUNT: positiveInt(50),
      DASH_DISPUTE_FILE_BYTES_PER_ACCOUNT: positiveInt(100 * 1024 * 1024),
      DASH_DISPUTE_FILE_QUOTA_DAYS: positiveInt(30),
      // Files no evidence names are deleted this many days after their upload.
      DASH_DISPUTE_UNUSED_FILE_DAYS: positiveInt(7),
    },
    env,
  ) as Record<string, unknown>;
  const n = (name: string) => raw[name] as number;
  return {
    ledgerUrl: raw[subgraphUrlVariable('ledger')] as string,
    identityUrl: raw[subgraphUrlVariable('identity')] as string,
    redisUrl: raw.REDIS_URL as string,
    redisPrefix: raw.DASH_REDIS_PREFIX as string,
    disputeFee: n('DASH_DISPUTE_FEE'),
    feeReturnedOnWin: raw.DASH_DISPUTE_FEE_RETURNED_ON_WIN === 'true',
    responseDays: n('DASH_DISPUTE_RESPONSE_DAYS'),
    tickMs: n('DASH_DISPUTE_TICK_MS'),
    fileStorage: raw.DASH_FILE_STORAGE as 'database' | 'disk',
    fileStorageDir: resolve(raw.DASH_FILE_STORAGE_DIR as string),
    maxFileBytes: n('DASH_DISPUTE_FILE_MAX_BYTES'),
    topupDailyMax: n('DASH_TOPUP_DAILY_MAX'),
    topupSettleMs: n('DASH_TOPUP_SETTLE_MS'),
    filesPerAccount: n('DASH_DISPUTE_FILES_PER_ACCOUNT'),
    fileBytesPerAccount: n('DASH_DISPUTE_FILE_BYTES_PER_ACCOUNT'),
    fileQuotaDays: n('DASH_DISPUTE_FILE_QUOTA_DAYS'),
    unusedFileDays: n('DASH_DISPUTE_UNUSED_FILE_DAYS'),
  };
}

export type DisputesConfig = ReturnType<typeof loadDisputesConfig>;
