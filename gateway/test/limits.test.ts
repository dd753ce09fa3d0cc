import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityService } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { graphqlRequest } from '@dash/testing';
import { bearer, hungServer, platformWithAccount, signIn, testGateways } from './support.js';

const { newPrefix, gatewayWith, stopAll } = testGateways();
let identity: TestService;
let ledger: TestService;
let platformSecret: string;
let cookie: string;
/** A server that takes every connection and never answers: a hung subgraph. */
let hung: Awaited<ReturnType<typeof hungServer>>;
let hungUrl: string;

const identityPrefix = newPrefix('limits-identity');

beforeAll(async () => {
  hung = await hungServer();
  hungUrl = hung.url;
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: identityPrefix });
  ledger = await startTestService(ledgerService);
  const platform = await platformWithAccount(identity, 'Limits Co', 'acct_limits');
  platformSecret = platform.secret;
  await seedLedger(ledger.dataSource, {
    platform: { id: platform.platformId, name: 'Limits Co', features: {} },
    accounts: [{ id: 'acct_limits', livemode: false }],
    charges: [],
    payouts: [],
  });
  const signing = await gatewayWith({ identity: identity.url }, identityPrefix);
  cookie = await signIn(signing.url, platformSecret, 'acct_limits');
});
afterAll(async () => {
  await stopAll();
  await hung?.close();
  await Promise.all([identity?.close(), ledger?.close()]);
});

const ME = '{ me { id } }';
const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status);

describe('request limits', () => {
  const limits = { perKey: 10, perSession: 10, perAddress: 10_000 };

  it('let through at most the per-key limit of 50 parallel requests, then 429 with Retry-After', async () => {
    const gateway = await gatewayWith({ identity: identity.url }, newPrefix('limits-key'), {
      requestLimits: limits,
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        graphqlRequest(gateway.url, '{ platform { id } }', {}, bearer(platformSecret)),
      ),
    );
    const refused = responses.filter((response) => response.status === 429);
    expect(refused).toHaveLength(40);
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    expect(statuses(responses).filter((status) => status !== 429)).toHaveLength(10);
  });

  it('count one session across every gateway replica', async () => {
    const prefix = newPrefix('limits-session');
    const replicas = await Promise.all([
      gatewayWith({ identity: identity.url }, prefix, { requestLimits: limits }),
      gatewayWith({ identity: identity.url }, prefix, { requestLimits: limits }),
    ]);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        graphqlRequest(replicas[i % 2]!.url, ME, {}, { cookie }),
      ),
    );
    expect(statuses(responses).filter((status) => status === 429)).toHaveLength(40);
  });

  it('limit one client address, whatever credentials it rotates through', async () => {
    const gateway = await gatewayWith({ identity: identity.url }, newPrefix('limits-address'), {
      requestLimits: { perKey: 10_000, perSession: 10_000, perAddress: 20 },
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        graphqlRequest(gateway.url, ME, {}, bearer(`sk_test_guess${i}`)),
      ),
    );
    expect(statuses(responses).filter((status) => status === 429)).toHaveLength(30);
    // Refused before identity is asked: the guesses that got through were checked and refused.
    expect(statuses(responses).filter((status) => status === 401)).toHaveLength(20);
  });

  it('never reach the defaults in ordinary use', async () => {
    const gateway = await gatewayWith({ identity: identity.url }, newPrefix('limits-default'));
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => graphqlRequest(gateway.url, ME, {}, { cookie })),
    );
    expect(statuses(responses).every((status) => status === 200)).toBe(true);
  });
});

describe('the cost limit at the gateway', () => {
  const pages = `query($n: Int!) {
    me { balanceTransactions(first: $n) { nodes { id amount fee net currency description type status createdAt availableOn } } }
  }`;

  it('prices a page size passed as a variable like the literal, before any subgraph is asked', async () => {
    // The ledger is unreachable here: a query that got past the limit would fail differently.
    const gateway = await gatewayWith(
      { identity: identity.url, ledger: hungUrl },
      newPrefix('cost'),
      { subgraphTimeoutMs: 300 },
    );
    const huge = await graphqlRequest(gateway.url, pages, { n: 1_000 }, { cookie });
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(huge.errors?.[0]?.message).toMatch(/costs \d+/);
    const aliases = Array.from({ length: 14 }, (_, i) => `t${i}: __typename`).join(' ');
    const typenames = await graphqlRequest(
      gateway.url,
      `query($n: Int!) { me { balanceTransactions(first: $n) { nodes { ${aliases} } } } }`,
      { n: 500 },
      { cookie },
    );
    expect(typenames.status).toBe(400);
  });
});

describe('deadlines', () => {
  it('a subgraph that never answers is UNAVAILABLE after the deadline, not a hang', async () => {
    const gateway = await gatewayWith(
      { identity: identity.url, ledger: hungUrl },
      newPrefix('hung'),
      {
        subgraphTimeoutMs: 300,
      },
    );
    const started = Date.now();
    const response = await graphqlRequest(
      gateway.url,
      '{ me { id balances { currency available } } }',
      {},
      { cookie },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|abort|timeout/i);
  });

  it('identity that never answers a credential check is UNAVAILABLE (503), not a hang', async () => {
    const gateway = await gatewayWith({ identity: hungUrl }, newPrefix('hung-identity'), {
      identityTimeoutMs: 300,
    });
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => graphqlRequest(gateway.url, ME, {}, { cookie })),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    }
  });
});
