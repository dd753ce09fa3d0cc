import { loadConfig, redisPrefix, redisUrl } from '@dash/config';

/** Where a service bumps the read versions the gateway reads: the Redis and prefix they share. */
export const loadReadVersionSettings = (env: Record<string, string | undefined>) =>
  loadConfig({ REDIS_URL: redisUrl(), DASH_REDIS_PREFIX: redisPrefix() }, env);
