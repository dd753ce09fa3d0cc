import {
  databaseName,
  host,
  loadConfig,
  mysqlUrl,
  port,
  secretKeyFields,
  secretKeysOf,
  type SecretKeys,
} from '@dash/config';

export interface SubgraphConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  mysqlUrl: string;
  database: string;
  /**
   * The service's key ring (DASH_SECRET_KEYS, or DASH_INTERNAL_SECRET as one key), held by this
   * service: caller headers must be addressed to it, and every purpose's key derives from it.
   */
  internalSecret: SecretKeys;
}

/**
 * Reads the settings every subgraph has, named after the service:
 * DASH_<NAME>_PORT, DASH_<NAME>_HOST, DASH_<NAME>_DATABASE, plus NODE_ENV (required), MYSQL_URL
 * and the secret keys (DASH_SECRET_KEYS or DASH_INTERNAL_SECRET; required in production).
 */
export function loadSubgraphConfig(
  name: string,
  defaultPort: number,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const prefix = `DASH_${name.toUpperCase()}`;
  const raw = loadConfig(
    {
      ...secretKeyFields(),
      [`${prefix}_HOST`]: host(),
      [`${prefix}_PORT`]: port(defaultPort),
      [`${prefix}_DATABASE`]: databaseName(`dash_${name}`),
      MYSQL_URL: mysqlUrl(),
    },
    env,
  ) as Record<string, unknown>;
  const secrets = secretKeysOf(raw as Parameters<typeof secretKeysOf>[0]);
  return {
    nodeEnv: raw.NODE_ENV as SubgraphConfig['nodeEnv'],
    host: raw[`${prefix}_HOST`] as string,
    port: raw[`${prefix}_PORT`] as number,
    mysqlUrl: raw.MYSQL_URL as string,
    database: raw[`${prefix}_DATABASE`] as string,
    internalSecret: secrets.for(name),
  };
}
