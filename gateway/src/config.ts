import {
  commaList,
  ConfigError,
  host,
  httpUrl,
  loadConfig,
  port,
  positiveInt,
  redisPrefix,
  redisUrl,
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
} from '@dash/manifest';
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
  /** Shared by every gateway replica and identity: credential epochs and request limits. */
  redisUrl: string;
  redisPrefix: string;
  /** How long a subgraph may take to answer one fetch of a query plan. */
  subgraphTimeoutMs: number;
  /** How long identity may take to say who holds a key or session. */
  identityTimeoutMs: number;
  /** Requests per minute allowed to one API key, one session and one client address. */
  requestLimits: RequestLimits;
  /** The most operations one request may carry (a page's parts asking at once). */
  batchMaxOperations: number;
  /** The shared cache of dashboard reads (see read-cache.ts). */
  readCache: ReadCacheSettings;
  /**
   * Development only, until sign-in exists: every dashboard request acts as this account.
   * Refused in production.
   */
  devAccount?: { accountId: string; platformId: string };
}

export interface RequestLimits {
  perKey: number;
  perSession: number;
  perAddress: number;
}

export interface ReadCacheSettings {
  /** DASH_READ_CACHE=off answers every read from the subgraphs. */
  enabled: boolean;
  /** How long an answer is kept at most, even if nothing it read changed. */
  ttlSeconds: number;
}

/**
 * Far above what the dashboard or a partner's integration sends (the dashboard's busiest screen
 * makes a handful of requests), so only floods reach them.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  perKey: 6000,
  perSession: 3000,
  perAddress: 12000,
};

/**
 * Operations per request: the dashboard's busiest page sends five at once; ten is what GraphQL
 * Yoga allows by default, and the front end's client sends no more.
 */
export const DEFAULT_BATCH_MAX_OPERATIONS = 10;

/** A comma-separated list of addresses, CIDR ranges or proxy-addr's names (loopback, …). */
const trustedProxies = () =>
  commaList().refine((entries) => {
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
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      DASH_SUBGRAPH_TIMEOUT_MS: positiveInt(15_000),
      DASH_IDENTITY_TIMEOUT_MS: positiveInt(5_000),
      DASH_RATE_LIMIT_PER_KEY: positiveInt(DEFAULT_REQUEST_LIMITS.perKey),
      DASH_RATE_LIMIT_PER_SESSION: positiveInt(DEFAULT_REQUEST_LIMITS.perSession),
      DASH_RATE_LIMIT_PER_ADDRESS: positiveInt(DEFAULT_REQUEST_LIMITS.perAddress),
      DASH_BATCH_MAX_OPERATIONS: positiveInt(DEFAULT_BATCH_MAX_OPERATIONS),
      DASH_READ_CACHE: z.enum(['on', 'off']).default('on'),
      // Balances count what is available at read time and earnings windows move with the clock,
      // so an answer can change with time alone: this bounds how late it may be.
      DASH_READ_CACHE_TTL_SECONDS: positiveInt(60),
      DASH_DEV_ACCOUNT_ID: z
        .string()
        .startsWith('acct_', 'must be an account id (acct_…)')
        .optional(),
      DASH_DEV_PLATFORM_ID: z
        .string()
        .startsWith('plat_', 'must be a platform id (plat_…)')
        .optional(),
      ...Object.fromEntries(
        SUBGRAPHS.map(({ name }) => [urlVariable(name), httpUrl(defaultSubgraphUrl(name))]),
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
    redisUrl: raw.REDIS_URL as string,
    redisPrefix: raw.DASH_REDIS_PREFIX as string,
    subgraphTimeoutMs: raw.DASH_SUBGRAPH_TIMEOUT_MS as number,
    identityTimeoutMs: raw.DASH_IDENTITY_TIMEOUT_MS as number,
    requestLimits: {
      perKey: raw.DASH_RATE_LIMIT_PER_KEY as number,
      perSession: raw.DASH_RATE_LIMIT_PER_SESSION as number,
      perAddress: raw.DASH_RATE_LIMIT_PER_ADDRESS as number,
    },
    batchMaxOperations: raw.DASH_BATCH_MAX_OPERATIONS as number,
    readCache: {
      enabled: raw.DASH_READ_CACHE === 'on',
      ttlSeconds: raw.DASH_READ_CACHE_TTL_SECONDS as number,
    },
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
