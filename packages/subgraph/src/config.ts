import {
  assertProductionSecret,
  databaseName,
  host,
  internalSecret,
  loadConfig,
  mysqlUrl,
  nodeEnv,
  port,
} from '@dash/config';

export interface SubgraphConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  mysqlUrl: string;
  database: string;
  internalSecret: string;
}

/**
 * Reads the settings every subgraph has, named after the service:
 * DASH_<NAME>_PORT, DASH_<NAME>_HOST, DASH_<NAME>_DATABASE, plus MYSQL_URL and DASH_INTERNAL_SECRET.
 */
export function loadSubgraphConfig(
  name: string,
  defaultPort: number,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const prefix = `DASH_${name.toUpperCase()}`;
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv(),
      [`${prefix}_HOST`]: host(),
      [`${prefix}_PORT`]: port(defaultPort),
      [`${prefix}_DATABASE`]: databaseName(`dash_${name}`),
      MYSQL_URL: mysqlUrl(),
      DASH_INTERNAL_SECRET: internalSecret(),
    },
    env,
  ) as Record<string, unknown>;
  const config: SubgraphConfig = {
    nodeEnv: raw.NODE_ENV as SubgraphConfig['nodeEnv'],
    host: raw[`${prefix}_HOST`] as string,
    port: raw[`${prefix}_PORT`] as number,
    mysqlUrl: raw.MYSQL_URL as string,
    database: raw[`${prefix}_DATABASE`] as string,
    internalSecret: raw.DASH_INTERNAL_SECRET as string,
  };
  assertProductionSecret(config.nodeEnv, config.internalSecret);
  return config;
}
