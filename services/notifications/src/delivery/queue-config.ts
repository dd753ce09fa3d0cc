import { loadConfig, positiveInt, redisPrefix, redisUrl } from '@dash/config';

export interface QueueConfig {
  redisUrl: string;
  prefix: string;
  concurrency: number;
}

/** Redis settings of the delivery worker: REDIS_URL, DASH_REDIS_PREFIX, DASH_DELIVERY_CONCURRENCY. */
export function loadQueueConfig(env: Record<string, string | undefined>): QueueConfig {
  const raw = loadConfig(
    {
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      DASH_DELIVERY_CONCURRENCY: positiveInt(5),
    },
    env,
  );
  return {
    redisUrl: raw.REDIS_URL,
    prefix: raw.DASH_REDIS_PREFIX,
    concurrency: raw.DASH_DELIVERY_CONCURRENCY,
  };
}
