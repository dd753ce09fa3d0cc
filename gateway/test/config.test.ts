import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/index.js';

const secret = 'a-production-secret-of-at-least-32-characters';
const inTests = { NODE_ENV: 'test' };

describe('gateway configuration', () => {
  it('finds every subgraph at its default local address', () => {
    const config = loadGatewayConfig(inTests);
    expect(config.port).toBe(4000);
    expect(config.subgraphUrls).toEqual({
      identity: 'http://127.0.0.1:4001/graphql',
      ledger: 'http://127.0.0.1:4002/graphql',
      payouts: 'http://127.0.0.1:4003/graphql',
      disputes: 'http://127.0.0.1:4004/graphql',
      notifications: 'http://127.0.0.1:4005/graphql',
    });
  });

  it('refuses development conveniences in production', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      /DASH_SECRET_KEYS: must be set in production/,
    );
    expect(() => loadGatewayConfig({})).toThrow(
      /NODE_ENV: must be development, test or production/,
    );
    expect(() =>
      loadGatewayConfig({
        NODE_ENV: 'production',
        DASH_INTERNAL_SECRET: secret,
        DASH_DEV_ACCOUNT_ID: 'acct_1',
        DASH_DEV_PLATFORM_ID: 'plat_1',
      }),
    ).toThrow(/DASH_DEV_ACCOUNT_ID: must not be set in production/);
    expect(
      loadGatewayConfig({ NODE_ENV: 'production', DASH_INTERNAL_SECRET: secret }).devAccount,
    ).toBeUndefined();
  });

  it('reads the load balancers to trust, and refuses what is not an address', () => {
    expect(loadGatewayConfig(inTests).trustedProxies).toEqual([]);
    expect(
      loadGatewayConfig({ ...inTests, DASH_TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.2' })
        .trustedProxies,
    ).toEqual(['10.0.0.0/8', '192.168.1.2']);
    expect(() =>
      loadGatewayConfig({ ...inTests, DASH_TRUSTED_PROXIES: 'my-load-balancer' }),
    ).toThrow(/DASH_TRUSTED_PROXIES: must be IP addresses/);
  });

  it('reads request limits and deadlines, with defaults far above ordinary use', () => {
    const defaults = loadGatewayConfig({ NODE_ENV: 'test' });
    expect(defaults.requestLimits).toEqual({ perKey: 6000, perSession: 3000, perAddress: 12000 });
    expect(defaults.subgraphTimeoutMs).toBe(15_000);
    expect(defaults.identityTimeoutMs).toBe(5_000);
    expect(defaults.batchMaxOperations).toBe(10);
    expect(defaults.redisPrefix).toBe('dash');
    const tuned = loadGatewayConfig({
      NODE_ENV: 'test',
      DASH_RATE_LIMIT_PER_KEY: '100',
      DASH_RATE_LIMIT_PER_SESSION: '50',
      DASH_RATE_LIMIT_PER_ADDRESS: '200',
      DASH_SUBGRAPH_TIMEOUT_MS: '2000',
      DASH_IDENTITY_TIMEOUT_MS: '1000',
      DASH_BATCH_MAX_OPERATIONS: '4',
    });
    expect(tuned.batchMaxOperations).toBe(4);
    expect(tuned.requestLimits).toEqual({ perKey: 100, perSession: 50, perAddress: 200 });
    expect([tuned.subgraphTimeoutMs, tuned.identityTimeoutMs]).toEqual([2000, 1000]);
    expect(() => loadGatewayConfig({ DASH_RATE_LIMIT_PER_KEY: '0' })).toThrow(
      /DASH_RATE_LIMIT_PER_KEY/,
    );
  });

  it('caches reads for 60 seconds unless switched off', () => {
    expect(loadGatewayConfig(inTests).readCache).toEqual({ enabled: true, ttlSeconds: 60 });
    expect(
      loadGatewayConfig({ ...inTests, DASH_READ_CACHE: 'off', DASH_READ_CACHE_TTL_SECONDS: '5' })
        .readCache,
    ).toEqual({ enabled: false, ttlSeconds: 5 });
    expect(() => loadGatewayConfig({ ...inTests, DASH_READ_CACHE: 'no' })).toThrow(
      /DASH_READ_CACHE/,
    );
    expect(() => loadGatewayConfig({ ...inTests, DASH_READ_CACHE_TTL_SECONDS: '0' })).toThrow(
      /DASH_READ_CACHE_TTL_SECONDS/,
    );
  });

  it('names a bad variable', () => {
    expect(() => loadGatewayConfig({ ...inTests, DASH_LEDGER_URL: 'ledger:4002' })).toThrow(
      /DASH_LEDGER_URL: must be a URL/,
    );
  });
});
