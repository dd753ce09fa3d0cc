import {
  ConfigError,
  host,
  httpUrl,
  loadConfig,
  port,
  secretKeyFields,
  secretKeysOf,
  z,
  type SecretKeys,
} from '@dash/config';
import {
  defaultSubgraphUrl,
  SUBGRAPHS,
  subgraphUrlVariable as urlVariable,
  type SubgraphName,
} from '@dash/contracts';
import proxyAddr from 'proxy-addr';

export interface GatewayConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** The key ring the gateway signs callers with (one audience per subgraph). */
  internalSecret: SecretKeys;
  subgraphUrls: Record<SubgraphName, string>;
  /** Load balancers in front whose X-Forwarded-For is believed (besides this machine). */
  trustedProxies: string[];
  /**
   * Development only, until sign-in exists: every dashboard request acts as this account.
   * Refused in production.
   */
  devAccount?: { accountId: string; platformId: string };
}

/** A comma-separated list of addresses, CIDR ranges or proxy-addr's names (loopback, …). */
const trustedProxies = () =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => {
      try {
        proxyAddr.compile(entries);
        return true;
      } catch {
        return false;
      }
    }, 'must be IP addresses or CIDR ranges separated by commas, such as 10.0.0.0/8');

export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const raw = loadConfig(
    {
      ...secretKeyFields(),
      DASH_GATEWAY_HOST: host(),
      DASH_GATEWAY_PORT: port(4000),
      DASH_TRUSTED_PROXIES: trustedProxies(),
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
  ) as Record<string, unknown>;
  const config: GatewayConfig = {
    nodeEnv: raw.NODE_ENV as GatewayConfig['nodeEnv'],
    host: raw.DASH_GATEWAY_HOST as string,
    port: raw.DASH_GATEWAY_PORT as number,
    internalSecret: secretKeysOf(raw as Parameters<typeof secretKeysOf>[0]).for('gateway'),
    trustedProxies: raw.DASH_TRUSTED_PROXIES as string[],
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, raw[urlVariable(name)] as string]),
    ) as Record<SubgraphName, string>,
  };
  if (raw.DASH_DEV_ACCOUNT_ID && raw.DASH_DEV_PLATFORM_ID) {
    if (config.nodeEnv === 'production')
      throw new ConfigError(['DASH_DEV_ACCOUNT_ID: must not be set in production']);
    config.devAccount = {
      accountId: raw.DASH_DEV_ACCOUNT_ID as string,
      platformId: raw.DASH_DEV_PLATFORM_ID as string,
    };
  }
  return config;
}
