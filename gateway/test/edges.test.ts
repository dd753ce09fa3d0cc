import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCaller } from '@dash/auth-context';
import { disputesService } from '@dash/disputes';
import { identityService } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import {
  accountCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { platformWithAccount, signIn, startTestGateway } from './support.js';

/** What no answer may ever contain: an HTML page, a stack trace, a generic internal error. */
async function expectTypedJson(response: Response, status: number, code: string, field?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type'), text).toMatch(/^application\/json/);
  expect(text).not.toMatch(
    /<html|<pre>|<!doctype|\bat [\w.<>]+ \(|\.[jt]s:\d+:\d+|INTERNAL_SERVER_ERROR/i,
  );
  const body = JSON.parse(text) as {
    errors?: Array<{ extensions?: Record<string, unknown> }>;
    error?: { code: string; extensions?: Record<string, unknown> };
  };
  const found = body.errors
    ? { code: body.errors[0]?.extensions?.code, field: body.errors[0]?.extensions?.field }
    : { code: body.error?.code, field: body.error?.extensions?.field };
  expect(found).toEqual({ code, field });
}

const postJson = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const TRANSACTIONS = `query($after: String, $filter: TransactionFilterInput) {
  me { balanceTransactions(first: 5, after: $after, filter: $filter) { nodes { id } } }
}`;

describe.each(['test', 'production'] as const)('malformed input in %s mode', (mode) => {
  const prefix = testRedisPrefix(`edges-${mode}`);
  const savedNodeEnv = process.env.NODE_ENV;
  let identity: TestService;
  let ledger: TestService;
  let disputes: TestService;
  let gateway: RunningGateway;
  let cookie: string;
  let origin: string;
  const accountId = `acct_edges_${mode}`;

  beforeAll(async () => {
    // Express picks its error page by NODE_ENV when each app is made.
    process.env.NODE_ENV = mode;
    identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
    ledger = await startTestService(ledgerService);
    disputes = await startTestService(disputesService, {
      DASH_LEDGER_URL: ledger.url,
      DASH_DISPUTE_TICK_MS: '3600000',
      DASH_FILE_STORAGE_DIR: `/tmp/dash-files-edges-${process.pid}`,
    });
    gateway = await startTestGateway(
      { identity: identity.url, ledger: ledger.url, disputes: disputes.url },
      prefix,
      { nodeEnv: mode },
    );
    origin = new URL(gateway.url).origin;
    const { platformId, secret } = await platformWithAccount(identity, 'Edges Co', accountId);
    await seedLedger(ledger.dataSource, {
      platform: { id: platformId, name: 'Edges Co', features: {} },
      accounts: [{ id: accountId, livemode: false }],
      charges: [],
      payouts: [],
    });
    cookie = await signIn(gateway.url, secret, accountId);
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([identity?.close(), ledger?.close(), disputes?.close()]);
    await deleteRedisPrefix(testRedisUrl(), prefix);
    process.env.NODE_ENV = savedNodeEnv;
  });

  it('signs in with the cookie of its mode', () => {
    expect(cookie).toMatch(mode === 'production' ? /^__Host-dash_session=/ : /^dash_session=/);
  });

  it('a body that is not JSON: BAD_USER_INPUT naming the body, at the gateway and a subgraph', async () => {
    await expectTypedJson(
      await postJson(gateway.url, '{"query": "{ me { id } }"', { cookie }),
      400,
      'BAD_USER_INPUT',
      'body',
    );
    await expectTypedJson(
      await postJson(ledger.url, '{not json', {}),
      400,
      'BAD_USER_INPUT',
      'body',
    );
    await expectTypedJson(
      await postJson(new URL('/internal/authenticate', identity.url).toString(), '{"apiKey":', {}),
      400,
      'BAD_USER_INPUT',
      'body',
    );
  });

  it('a cursor no list gave out: BAD_USER_INPUT naming after', async () => {
    const response = await postJson(
      gateway.url,
      JSON.stringify({ query: TRANSACTIONS, variables: { after: 'not-a-cursor!' } }),
      { cookie },
    );
    await expectTypedJson(response, 200, 'BAD_USER_INPUT', 'after');
  });

  it('an unknown enum value: BAD_USER_INPUT naming the field', async () => {
    const response = await postJson(
      gateway.url,
      JSON.stringify({ query: TRANSACTIONS, variables: { filter: { types: ['bogus'] } } }),
      { cookie },
    );
    await expectTypedJson(response, 400, 'BAD_USER_INPUT', 'filter.types[0]');
  });

  it('an amount beyond 2^53 or with a fraction: BAD_USER_INPUT naming the field', async () => {
    for (const amountMin of [2 ** 53, 12.5, '100']) {
      const response = await postJson(
        gateway.url,
        JSON.stringify({ query: TRANSACTIONS, variables: { filter: { amountMin } } }),
        { cookie },
      );
      // Refused by the ledger, which owns the field; the gateway passes its typed error on.
      await expectTypedJson(response, 200, 'BAD_USER_INPUT', 'filter.amountMin');
    }
  });

  it('the same values written into the query: BAD_USER_INPUT naming the argument', async () => {
    const literal = (args: string) =>
      postJson(
        gateway.url,
        JSON.stringify({
          query: `{ me { balanceTransactions(first: 5, ${args}) { nodes { id } } } }`,
        }),
        { cookie },
      );
    await expectTypedJson(
      await literal('filter: { types: [bogus] }'),
      400,
      'BAD_USER_INPUT',
      'filter.types',
    );
    // SafeInt is the ledger's own scalar: the ledger refuses it, the gateway passes that on.
    await expectTypedJson(
      await literal(`filter: { amountMin: ${2 ** 53} }`),
      200,
      'BAD_USER_INPUT',
      'filter.amountMin',
    );
    await expectTypedJson(
      await literal('filter: { amountMin: 12.5 }'),
      200,
      'BAD_USER_INPUT',
      'filter.amountMin',
    );
    await expectTypedJson(await literal('after: 42'), 400, 'BAD_USER_INPUT', 'after');
  });

  it('a file name that is not percent-encoded: BAD_USER_INPUT naming x-file-name', async () => {
    const upload = (url: string, headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', 'x-file-name': '%E0%A4%A.pdf', ...headers },
        body: Buffer.from('%PDF-1.4 evidence'),
      });
    await expectTypedJson(
      await upload(`${origin}/files`, { cookie }),
      400,
      'BAD_USER_INPUT',
      'x-file-name',
    );
    await expectTypedJson(
      await upload(new URL('/files', disputes.url).toString(), {
        'x-dash-caller': signCaller(accountCaller(accountId, 'plat_x'), TEST_SECRET_KEYS, {
          audience: 'disputes',
        }),
      }),
      400,
      'BAD_USER_INPUT',
      'x-file-name',
    );
  });

  it('export filters that do not parse: a JSON refusal, through the gateway and directly', async () => {
    const direct = new URL('/exports/balance-transactions.csv', ledger.url);
    direct.search = '?amountMin=1.5';
    const response = await fetch(direct, {
      headers: {
        'x-dash-caller': signCaller(accountCaller(accountId, 'plat_x'), TEST_SECRET_KEYS, {
          audience: 'ledger',
        }),
      },
    });
    await expectTypedJson(response, 400, 'BAD_USER_INPUT', 'amountMin');
    await expectTypedJson(
      await fetch(`${origin}/exports/balance-transactions.csv?types=bogus`, {
        headers: { cookie },
      }),
      400,
      'BAD_USER_INPUT',
      'types',
    );
  });

  it('a path nothing serves: a JSON 404 from the gateway and a subgraph', async () => {
    await expectTypedJson(await fetch(`${origin}/nope`), 404, 'NOT_FOUND');
    await expectTypedJson(await fetch(new URL('/internal/nope', ledger.url)), 404, 'NOT_FOUND');
  });
});
