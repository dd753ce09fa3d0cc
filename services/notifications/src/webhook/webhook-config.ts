import { loadConfig, positiveInt, redisPrefix, redisUrl, z } from '@dash/config';
import type { RetryPolicy } from './webhook-retry.rules.js';

export interface WebhookConfig {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /** How long an endpoint has to answer one attempt. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** An endpoint whose deliveries have all failed for this long is disabled. */
  disableAfterMs: number;
  /** How long the old secret still signs after a roll. */
  rolledSecretGraceMs: number;
  /** Events older than this are deleted. */
  eventRetentionMs: number;
  /** How often lost deliveries are requeued and old events pruned. */
  sweepEveryMs: number;
  /** Loopback and private addresses: allowed outside production (local receivers). */
  allowPrivateTargets: boolean;
}

const DAY = 24 * 3600_000;

/**
 * DASH_WEBHOOK_* settings. The defaults are what platforms are promised: retries for 3 days,
 * endpoints disabled after 3 days of failures, events kept 30 days, a roll's old secret valid
 * for 24 hours. Private targets (DASH_WEBHOOK_PRIVATE_TARGETS=on, for local receivers) are
 * refused in production whatever is set.
 */
export function loadWebhookConfig(
  env: Record<string, string | undefined>,
  nodeEnv: 'development' | 'test' | 'production',
): WebhookConfig {
  const raw = loadConfig(
    {
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      DASH_WEBHOOK_CONCURRENCY: positiveInt(10),
      DASH_WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
      DASH_WEBHOOK_RETRY_FIRST_MS: positiveInt(60_000),
      DASH_WEBHOOK_RETRY_MAX_MS: positiveInt(12 * 3600_000),
      DASH_WEBHOOK_GIVE_UP_MS: positiveInt(3 * DAY),
      DASH_WEBHOOK_DISABLE_AFTER_MS: positiveInt(3 * DAY),
      DASH_WEBHOOK_ROLLED_SECRET_MS: positiveInt(DAY),
      DASH_EVENT_RETENTION_MS: positiveInt(30 * DAY),
      DASH_WEBHOOK_SWEEP_MS: positiveInt(60_000),
      DASH_WEBHOOK_PRIVATE_TARGETS: z.enum(['on', 'off']).default('on'),
    },
    env,
  );
  return {
    redisUrl: raw.REDIS_URL,
    prefix: raw.DASH_REDIS_PREFIX,
    concurrency: raw.DASH_WEBHOOK_CONCURRENCY,
    timeoutMs: raw.DASH_WEBHOOK_TIMEOUT_MS,
    retry: {
      firstDelayMs: raw.DASH_WEBHOOK_RETRY_FIRST_MS,
      maxDelayMs: raw.DASH_WEBHOOK_RETRY_MAX_MS,
      giveUpAfterMs: raw.DASH_WEBHOOK_GIVE_UP_MS,
    },
    disableAfterMs: raw.DASH_WEBHOOK_DISABLE_AFTER_MS,
    rolledSecretGraceMs: raw.DASH_WEBHOOK_ROLLED_SECRET_MS,
    eventRetentionMs: raw.DASH_EVENT_RETENTION_MS,
    sweepEveryMs: raw.DASH_WEBHOOK_SWEEP_MS,
    allowPrivateTargets: nodeEnv !== 'production' && raw.DASH_WEBHOOK_PRIVATE_TARGETS === 'on',
  };
}
