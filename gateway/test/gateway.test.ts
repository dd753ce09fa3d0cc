import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, identityService, seedIdentity } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { GatewayConfig, RunningGateway } from '../src/index.js';
import { startTestGateway } from './support.js';

let identity: TestService;
let ledger: TestService;
const gateways: RunningGateway[] = [];

const devAccount = { accountId: 'acct_ada', platformId: 'plat_a' };
const unreachable = 'http://127.0.0.1:9/graphql';

const redisPrefix = testRedisPrefix('gateway');

async function gatewayWith(overrides: Partial<GatewayConfig> = {}): Promise<RunningGateway> {
  const gateway = await startTestGateway(
    { identity: identity.url, ledger: ledger.url },
    redisPrefix,
    { devAccount, ...overrides },
  );
  gateways.push(gateway);
  return gateway;
}

/** A new platform (its keys) with one test-mode US account of its own in identity. */
async function platformWithAccount(
  name: string,
  account: { id: string; displayName: string; email: string },
) {
  const platform = await createPlatform(identity.dataSource, { name });
  await seedIdentity(identity.dataSource, {
    platform: { id: platform.platform.id, name, brandColor: '#5b4cf0' },
    accounts: [{ ...account, country: 'US', defaultCurrency: 'usd', livemode: false }],
  });
  return platform;
}

const balanceCard = '{ me { id displayName balances { currency available pending total } } }';

beforeAll(async () => {
  [identity, ledger] = await Promise.all([
    startTestService(identityService, { DASH_REDIS_PREFIX: redisPrefix }),
    startTestService(ledgerService),
  ]);
  await seedIdentity(identity.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#635bff' },
    accounts: [
      {
        id: 'acct_ada',
        displayName: 'Ada Lovelace',
        email: 'ada@example.com',
        country: 'US',
        defaultCurrency: 'usd',
        livemode: false,
      },
    ],
  });
  // Paid three days ago, so settled: 50.00 less 2.9% + 0.30 is 48.25 available.
  const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3600 * 1000);
  await seedLedger(ledger.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', features: {} },
    accounts: [
      { id: 'acct_ada', livemode: false },
      { id: 'acct_other', livemode: false },
    ],
    charges: [
      {
        id: 'ch_1',
        accountId: 'acct_ada',
        amount: 5000,
        currency: 'usd',
        description: 'Ride',
        createdAt: threeDaysAgo,
      },
      {
        id: 'ch_2',
        accountId: 'acct_other',
        amount: 7000,
        currency: 'usd',
        description: 'Ride',
        createdAt: threeDaysAgo,
      },
    ],
    payouts: [],
  });
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await Promise.all([identity?.close(), ledger?.close()]);
  await deleteRedisPrefix(testRedisUrl(), redisPrefix);
});

describe('gateway', () => {
  it('answers one query from two subgraphs, scoped to the caller', async () => {
    const gateway = await gatewayWith();
    const response = await graphqlRequest(gateway.url, balanceCard);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      me: {
        id: 'acct_ada',
        displayName: 'Ada Lovelace',
        balances: [{ currency: 'usd', available: 4825, pending: 0, total: 4825 }],
      },
    });
  });

  it('forwards an anonymous caller, and the subgraph answers UNAUTHENTICATED', async () => {
    const gateway = await gatewayWith({ devAccount: undefined });
    const response = await graphqlRequest(gateway.url, balanceCard);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('reports a down subgraph as a typed error without internals', async () => {
    const gateway = await gatewayWith({
      subgraphUrls: {
        identity: unreachable,
        ledger: unreachable,
        payouts: unreachable,
        disputes: unreachable,
        notifications: unreachable,
      },
      // The other tests' answers to this very query sit in the shared read cache.
      readCache: { enabled: false, ttlSeconds: 60 },
    });
    const response = await graphqlRequest(gateway.url, balanceCard);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(JSON.stringify(response)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:9|stack/);
  });

  it('rejects a malformed query with a typed error', async () => {
    const gateway = await gatewayWith();
    const response = await graphqlRequest(gateway.url, '{ me { nonsense } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('authenticates platforms by secret key and shows each only its own accounts', async () => {
    const gateway = await gatewayWith({ devAccount: undefined });
    const mine = await platformWithAccount('Key Platform', {
      id: 'acct_keyed',
      displayName: 'Kay',
      email: 'kay@example.com',
    });
    const theirs = await createPlatform(identity.dataSource, { name: 'Other Platform' });
    const accountQuery = '{ account(id: "acct_keyed") { id displayName platform { name } } }';
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

    const own = await graphqlRequest(gateway.url, accountQuery, {}, bearer(mine.testSecret));
    expect(own.data).toEqual({
      account: { id: 'acct_keyed', displayName: 'Kay', platform: { name: 'Key Platform' } },
    });

    const foreign = await graphqlRequest(gateway.url, accountQuery, {}, bearer(theirs.testSecret));
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });

    const bad = await graphqlRequest(
      gateway.url,
      accountQuery,
      {},
      bearer('sk_test_' + '0'.repeat(32)),
    );
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Invalid API key/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('signs a browser in with a login link and a code, then out, through cookies', async () => {
    const gateway = await gatewayWith({ devAccount: undefined });
    const platform = await platformWithAccount('Cookie Platform', {
      id: 'acct_cookie',
      displayName: 'Coco',
      email: 'coco@example.com',
    });
    const link = await graphqlRequest<{ createLoginLink: { url: string } }>(
      gateway.url,
      'mutation { createLoginLink(account: "acct_cookie") { url } }',
      {},
      { authorization: `Bearer ${platform.testSecret}` },
    );
    const token = link.data!.createLoginLink.url.split('/login/')[1];
    const started = await graphqlRequest<{ startLogin: { id: string; channel: string } }>(
      gateway.url,
      'mutation($t: String!) { startLogin(token: $t) { id channel } }',
      { t: token },
    );
    expect(started.data?.startLogin.channel).toBe('email');
    const verified = await graphqlRequest(
      gateway.url,
      'mutation($c: ID!) { verifyLoginCode(challenge: $c, code: "000000") { account { id } } }',
      { c: started.data!.startLogin.id },
    );
    const setCookie = verified.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^dash_session=[\w-]{32}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    const cookie = setCookie.split(';')[0]!;

    const me = await graphqlRequest<{ me: { id: string } }>(
      gateway.url,
      '{ me { id displayName } }',
      {},
      { cookie },
    );
    expect(me.data?.me.id).toBe('acct_cookie');

    // A cross-site form post carrying the cookie is refused before anything runs.
    const forged = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { signOutEverywhere }' }),
    });
    expect(forged.status).toBe(400);

    const out = await graphqlRequest(gateway.url, 'mutation { signOut }', {}, { cookie });
    expect(out.headers.get('set-cookie')).toMatch(/^dash_session=; Max-Age=0;/);
    const after = await graphqlRequest(gateway.url, '{ me { id displayName } }', {}, { cookie });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a query with too many aliases before calling any subgraph', async () => {
    const gateway = await gatewayWith();
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id displayName }`).join(' ')} }`;
    expect((await graphqlRequest(gateway.url, aliases(3))).errors).toBeUndefined();
    const tooMany = await graphqlRequest(gateway.url, aliases(16));
    expect(tooMany.status).toBe(400);
    expect(tooMany.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('serves a platform’s icon to anyone, as identity keeps it, locked down', async () => {
    const gateway = await gatewayWith();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>';
    const branded = await identity.query<{
      updatePlatformBranding: { platform: { iconUrl: string } };
    }>(
      'mutation($icon: String) { updatePlatformBranding(icon: $icon) { platform { iconUrl } } }',
      { icon: `data:image/svg+xml,${encodeURIComponent(svg)}` },
      { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'key_live' },
    );
    const path = branded.data!.updatePlatformBranding.platform.iconUrl;
    // No session, no key: the sign-in page shows it before anyone signs in.
    const icon = await fetch(new URL(path, gateway.url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(icon.headers.get('cache-control')).toContain('immutable');
    const served = await icon.text();
    expect(served).toContain('viewBox="0 0 4 4"');
    expect(served).toContain('<rect width="4" height="4"');
    for (const other of [
      '/platform-icons/plat_a/0000000000000000.svg',
      '/platform-icons/plat_a/%2e%2e%2fhealth',
    ])
      expect((await fetch(new URL(other, gateway.url))).status, other).toBe(404);
  });
});
