import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityService } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { hungServer, platformWithAccount, signIn, testGateways } from './support.js';

const { newPrefix, gatewayWith, stopAll } = testGateways();
let identity: TestService;
let ledger: TestService;
let cookie: string;
let otherCookie: string;
/** A server that takes every connection and never answers: a hung subgraph. */
let hung: Awaited<ReturnType<typeof hungServer>>;
let hungUrl: string;

const identityPrefix = newPrefix('batching-identity');

beforeAll(async () => {
  hung = await hungServer();
  hungUrl = hung.url;
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: identityPrefix });
  ledger = await startTestService(ledgerService);
  const platform = await platformWithAccount(identity, 'Batch Co', 'acct_batch');
  const other = await platformWithAccount(identity, 'Other Co', 'acct_batch_other');
  for (const [owner, accountId] of [
    [platform, 'acct_batch'],
    [other, 'acct_batch_other'],
  ] as const)
    await seedLedger(ledger.dataSource, {
      platform: { id: owner.platformId, name: accountId, features: {} },
      accounts: [{ id: accountId, livemode: false }],
      charges: [
        {
          id: `ch_${accountId}`,
          accountId,
          amount: 2500,
          currency: 'usd',
          description: 'Ride',
          createdAt: new Date(),
        },
      ],
      payouts: [],
    });
  const signing = await gatewayWith({ identity: identity.url }, identityPrefix);
  cookie = await signIn(signing.url, platform.secret, 'acct_batch');
  otherCookie = await signIn(signing.url, other.secret, 'acct_batch_other');
});
afterAll(async () => {
  await stopAll();
  await hung?.close();
  await Promise.all([identity?.close(), ledger?.close()]);
});

interface Result {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs a list of operations as one request; the answer as it came, parsed. */
async function batch(
  url: string,
  operations: Array<{ query: string; variables?: Record<string, unknown> }>,
  headers: Record<string, string>,
  { gzip = false } = {},
) {
  const text = JSON.stringify(operations);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...headers,
    },
    body: gzip ? gzipSync(text) : text,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Result[] | Result,
  };
}

const NAME = '{ me { id displayName } }';
const FIRST_PAGE = `query($n: Int!) { me { balanceTransactions(first: $n) { nodes { amount currency } } } }`;
const unlimited = { perKey: 10_000, perSession: 10_000, perAddress: 10_000 };

describe('several operations in one request', () => {
  it('answers each in order, from the subgraph it needs, each with its own errors', async () => {
    const gateway = await gatewayWith(
      { identity: identity.url, ledger: ledger.url },
      newPrefix('batching-answers'),
    );
    const { status, body } = await batch(
      gateway.url,
      [
        { query: NAME },
        { query: FIRST_PAGE, variables: { n: 5 } },
        { query: FIRST_PAGE, variables: { n: 1000 } },
        { query: '{ me { id nope } }' },
      ],
      { cookie },
    );
    // The HTTP status is shared (Apollo Server's batching): the invalid one makes it 400, and
    // each result says for itself whether it failed.
    expect(status).toBe(400);
    const [name, page, tooMany, invalid] = body as Result[];
    expect(name).toEqual({ data: { me: { id: 'acct_batch', displayName: 'Batch Co' } } });
    expect(page).toEqual({
      data: {
        me: { balanceTransactions: { nodes: [{ amount: 2500, currency: 'usd' }] } },
      },
    });
    expect(tooMany?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(invalid?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body).toHaveLength(4);
  });

  it('never answers one caller with what another batched at the same moment', async () => {
    const gateway = await gatewayWith(
      { identity: identity.url, ledger: ledger.url },
      newPrefix('batching-callers'),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        batch(gateway.url, [{ query: NAME }, { query: NAME }], {
          cookie: i % 2 ? cookie : otherCookie,
        }).then(({ body }) => ({ i, body: body as Result[] })),
      ),
    );
    for (const { i, body } of answers)
      for (const result of body)
        expect(result.data).toEqual({
          me:
            i % 2
              ? { id: 'acct_batch', displayName: 'Batch Co' }
              : {
                  id: 'acct_batch_other',
                  displayName: 'Other Co',
                },
        });
  });

  it('refuses a list over the limit, or empty, before any operation runs', async () => {
    // The ledger never answers: an operation that ran would hang, not be refused.
    const gateway = await gatewayWith(
      { identity: identity.url, ledger: hungUrl },
      newPrefix('batching-size'),
      { subgraphTimeoutMs: 2_000, batchMaxOperations: 10 },
    );
    const eleven = Array.from({ length: 11 }, () => ({ query: FIRST_PAGE, variables: { n: 1 } }));
    for (const { gzip } of [{ gzip: false }, { gzip: true }]) {
      // Compressed, the body takes Express's path: the same limit applies there.
      const over = await batch(gateway.url, eleven, { cookie }, { gzip });
      expect(over.status).toBe(400);
      expect((over.body as Result).errors?.[0]).toMatchObject({
        message: 'A batch carries 1 to 10 operations; this one has 11.',
        extensions: { code: 'BAD_REQUEST' },
      });
      const empty = await batch(gateway.url, [], { cookie }, { gzip });
      expect(empty.status).toBe(400);
      expect((empty.body as Result).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
  });
});

describe('request limits count the operations of a batch', () => {
  it('let a batch use the session limit exactly as its operations sent one by one would', async () => {
    const gateway = await gatewayWith({ identity: identity.url }, newPrefix('batching-exact'), {
      requestLimits: { ...unlimited, perSession: 10 },
    });
    const full = await batch(gateway.url, Array(10).fill({ query: NAME }), { cookie });
    expect(full.status).toBe(200);
    expect(full.body).toHaveLength(10);
    const next = await batch(gateway.url, [{ query: NAME }, { query: NAME }], { cookie });
    expect(next.status).toBe(429);
    expect(Number(next.retryAfter)).toBeGreaterThan(0);
    expect((next.body as Result).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('run at most the limit when many batches of one session race each other', async () => {
    const gateway = await gatewayWith({ identity: identity.url }, newPrefix('batching-race'), {
      requestLimits: { ...unlimited, perSession: 10 },
    });
    // Six requests fit the limit as requests; their 30 operations would not.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        batch(gateway.url, Array(5).fill({ query: NAME }), { cookie }),
      ),
    );
    const ran = answers
      .filter((answer) => answer.status === 200)
      .reduce((sum, answer) => sum + (answer.body as Result[]).length, 0);
    expect(ran).toBeGreaterThanOrEqual(5);
    expect(ran).toBeLessThanOrEqual(10);
    for (const refused of answers.filter((answer) => answer.status !== 200)) {
      expect(refused.status).toBe(429);
      expect((refused.body as Result).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
  });
});
