import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPlatform, seedIdentity } from '@dash/identity';
import { createLogger } from '@dash/logger';
import { TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { startGateway, type GatewayConfig, type RunningGateway } from '../src/index.js';
import { DEFAULT_BATCH_MAX_OPERATIONS, DEFAULT_REQUEST_LIMITS } from '../src/config.js';

export const UNREACHABLE = 'http://127.0.0.1:9/graphql';

/** The settings of a gateway (or coprocessor) on a free port in front of the given subgraphs. */
export function testGatewayConfig(
  urls: Partial<GatewayConfig['subgraphUrls']>,
  redisPrefix: string,
  overrides: Partial<GatewayConfig> = {},
): GatewayConfig {
  return {
    nodeEnv: 'test',
    host: '127.0.0.1',
    port: 0,
    internalSecret: TEST_SECRET_KEYS,
    trustedProxies: [],
    redisUrl: testRedisUrl(),
    redisPrefix,
    subgraphTimeoutMs: 15_000,
    identityTimeoutMs: 5_000,
    requestLimits: DEFAULT_REQUEST_LIMITS,
    batchMaxOperations: DEFAULT_BATCH_MAX_OPERATIONS,
    readCache: { enabled: true, ttlSeconds: 60 },
    subgraphUrls: {
      identity: UNREACHABLE,
      ledger: UNREACHABLE,
      payouts: UNREACHABLE,
      disputes: UNREACHABLE,
      notifications: UNREACHABLE,
      ...urls,
    },
    ...overrides,
  };
}

/** A gateway on a free port in front of the given subgraphs (the others unreachable). */
export function startTestGateway(
  urls: Partial<GatewayConfig['subgraphUrls']>,
  redisPrefix: string,
  overrides: Partial<GatewayConfig> = {},
): Promise<RunningGateway> {
  return startGateway(testGatewayConfig(urls, redisPrefix, overrides), {
    log: createLogger('gateway', process.env.LOG_LEVEL ?? 'silent'),
  });
}

/** A platform with one test-mode account, and the platform's test key. */
export async function platformWithAccount(identity: TestService, name: string, accountId: string) {
  const platform = await createPlatform(identity.dataSource, { name });
  await seedIdentity(identity.dataSource, {
    platform: { id: platform.platform.id, name, brandColor: '#5b4cf0' },
    accounts: [
      {
        id: accountId,
        displayName: name,
        email: `${accountId}@example.com`,
        country: 'US',
        defaultCurrency: 'usd',
        livemode: false,
      },
    ],
  });
  return { platformId: platform.platform.id, secret: platform.testSecret };
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** Signs the account in through a login link and its (test-mode) code: the session cookie. */
export async function signIn(gatewayUrl: string, platformSecret: string, accountId: string) {
  const link = await graphqlRequest<{ createLoginLink: { url: string } }>(
    gatewayUrl,
    'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
    { a: accountId },
    bearer(platformSecret),
  );
  const token = link.data!.createLoginLink.url.split('/login/')[1];
  const started = await graphqlRequest<{ startLogin: { id: string } }>(
    gatewayUrl,
    'mutation($t: String!) { startLogin(token: $t) { id } }',
    { t: token },
  );
  const verified = await graphqlRequest(
    gatewayUrl,
    'mutation($c: ID!) { verifyLoginCode(challenge: $c, code: "000000") { account { id } } }',
    { c: started.data!.startLogin.id },
  );
  return verified.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * Gateways a test file starts, each on a Redis prefix of its own (`newPrefix`), stopped and
 * their keys deleted together by `stopAll`.
 */
export function testGateways() {
  const prefixes: string[] = [];
  const gateways: RunningGateway[] = [];
  return {
    newPrefix(label: string) {
      const prefix = testRedisPrefix(label);
      prefixes.push(prefix);
      return prefix;
    },
    async gatewayWith(...args: Parameters<typeof startTestGateway>) {
      const gateway = await startTestGateway(...args);
      gateways.push(gateway);
      return gateway;
    },
    async stopAll() {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      for (const prefix of prefixes) await deleteRedisPrefix(testRedisUrl(), prefix);
    },
  };
}

/** A server that takes every connection and never answers: a hung subgraph, at `url`. */
export async function hungServer() {
  const server = http.createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
