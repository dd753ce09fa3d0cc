import { httpUrl, loadConfig, redisPrefix, redisUrl } from '@dash/config';
import { CLOSURE_CHECKED_SERVICES, defaultSubgraphUrl, subgraphUrlVariable } from '@dash/contracts';

/** Identity's own settings, beside those every subgraph has. */
export function loadIdentitySettings(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      DASH_DASHBOARD_URL: httpUrl('http://127.0.0.1:9000'),
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      // The services asked before an account closes, at the same addresses the gateway uses.
      ...Object.fromEntries(
        CLOSURE_CHECKED_SERVICES.map((name) => [
          subgraphUrlVariable(name),
          httpUrl(defaultSubgraphUrl(name)),
        ]),
      ),
    },
    env,
  ) as Record<string, string>;
  return {
    dashboardUrl: raw.DASH_DASHBOARD_URL!,
    redisUrl: raw.REDIS_URL!,
    redisPrefix: raw.DASH_REDIS_PREFIX!,
    closureCheckUrls: CLOSURE_CHECKED_SERVICES.map((name) => ({
      name,
      url: raw[subgraphUrlVariable(name)]!,
    })),
  };
}

export type IdentitySettings = ReturnType<typeof loadIdentitySettings>;
