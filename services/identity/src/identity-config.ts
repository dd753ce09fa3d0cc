import { httpUrl, loadConfig, positiveInt, redisPrefix, redisUrl, z } from '@dash/config';
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
    documentFiles: loadDocumentFileLimits(env),
    closureCheckUrls: CLOSURE_CHECKED_SERVICES.map((name) => ({
      name,
      url: raw[subgraphUrlVariable(name)]!,
    })),
  };
}

/** How large an identity document's page may be, and how many files an account may upload a day. */
function loadDocumentFileLimits(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      // A document's page is kept in one MEDIUMBLOB row: 16 MiB at most, and below MySQL's and
      // MariaDB's default max_allowed_packet.
      DASH_IDENTITY_DOCUMENT_MAX_BYTES: z.coerce
        .number({ message: 'must be a number (bytes)' })
        .int()
        .positive()
        .max(15 * 1024 * 1024, 'must be at most 15 MiB (15728640)')
        .default(10 * 1024 * 1024),
      DASH_IDENTITY_FILES_PER_DAY: positiveInt(20),
    },
    env,
  );
  return {
    maxBytes: raw.DASH_IDENTITY_DOCUMENT_MAX_BYTES,
    perDay: raw.DASH_IDENTITY_FILES_PER_DAY,
  };
}

export type IdentitySettings = ReturnType<typeof loadIdentitySettings>;
