import {
  assertProductionSecret,
  host,
  httpUrl,
  internalSecret,
  loadConfig,
  nodeEnv,
  port,
  z,
} from '@dash/config';
import {
  defaultSubgraphUrl,
  SUBGRAPHS,
  subgraphUrlVariable as urlVariable,
  type SubgraphName,
} from '@dash/contracts';

export interface GatewayConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  internalSecret: string;
  subgraphUrls: Record<SubgraphName, string>;
  /**
   * Development only, until sign-in exists: every dashboard request acts as this account.
   * Refused in production.
   */
  devAccount?: { accountId: string; platformId: string };
}

export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv(),
      DASH_GATEWAY_HOST: host(),
      DASH_GATEWAY_PORT: port(4000),
      DASH_INTERNAL_SECRET: internalSecret(),
      DASH_DEV_ACCOUNT_ID: z
        .string()
        .startsWith('acct_', 'must be an account id (acct_…)')
        .optional(),
      DASH_DEV_PLATFORM_ID: z
        .string()
        .startsWith('plat_', 'must be a platform id (plat_…)')
        .optional(),
      ...Object.fromEntries(
        SUBGRAPHS.map(({ name, defaultPort }) => [
          urlVariable(name),
          httpUrl(defaultSubgraphUrl(defaultPort)),
        ]),
      ),
    },
    env,
  ) as Record<string, string | number | undefined>;
  const config: GatewayConfig = {
    nodeEnv: raw.NODE_ENV as GatewayConfig['nodeEnv'],
    host: raw.DASH_GATEWAY_HOST as string,
    port: raw.DASH_GATEWAY_PORT as number,
    internalSecret: raw.DASH_INTERNAL_SECRET as string,
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, raw[urlVariable(name)] as string]),
    ) as Record<SubgraphName, string>,
  };
  assertProductionSecret(config.nodeEnv, config.internalSecret);
  if (raw.DASH_DEV_ACCOUNT_ID && raw.DASH_DEV_PLATFORM_ID) {
    if (config.nodeEnv === 'production')
      throw new Error('DASH_DEV_ACCOUNT_ID must not be set in production');
    config.devAccount = {
      accountId: raw.DASH_DEV_ACCOUNT_ID as string,
      platformId: raw.DASH_DEV_PLATFORM_ID as string,
    };
  }
  return config;
}
