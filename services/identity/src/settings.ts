import { httpUrl, loadConfig, redisPrefix, redisUrl } from '@dash/config';

/** Identity's own settings, beside those every subgraph has. */
export function loadIdentitySettings(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      DASH_DASHBOARD_URL: httpUrl('http://127.0.0.1:9000'),
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
    },
    env,
  );
  return {
    dashboardUrl: raw.DASH_DASHBOARD_URL,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.DASH_REDIS_PREFIX,
  };
}
