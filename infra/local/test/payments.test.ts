import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCaller, type Caller } from '@dash/auth-context';
import { createPlatform } from '@dash/identity';
import { TEST_INTERNAL_SECRET } from '@dash/subgraph/testing';
import { graphqlRequest, type GraphqlResponse } from '@dash/testing';
import {
  DEMO_PLATFORM,
  prepareIsolatedStackEnv,
  startStack,
  type IsolatedStackEnv,
  type RunningStack,
} from '../src/index.js';
import { platformKey } from './sign-in.js';

let prepared: IsolatedStackEnv;
let stack: RunningStack;
let otherKey: string;
let keys = 0;
const newKey = () => `payments-test-${(keys += 1)}`;

const asPlatform = <T>(query: string, variables: Record<string, unknown> = {}, key = platformKey) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, key);

/** The dashboard's call for one account, made to the ledger as the gateway makes it. */
const asAccount = <T>(
  accountId: string,
  query: string,
  variables: Record<string, unknown> = {},
) => {
  const caller: Caller = {
    kind: 'account',
    accountId,
    platformId: DEMO_PLATFORM.id,
    livemode: false,
  };
  const ledger = stack.services.find((service) => service.name === 'ledger')!;
  return graphqlRequest<T>(ledger.url, query, variables, {
    'x-dash-caller': signCaller(caller, TEST_INTERNAL_SECRET),
  });
};

const CHARGE = `mutation($account: ID!, $key: String!) {
  createCharge(input: { account: $account, amount: 2500, currency: "usd", customerEmail: "ana@example.com" }, idempotencyKey: $key) { id status }
}`;
const extensionsOf = (response: GraphqlResponse<unknown>) =>
  response.errors?.[0]?.extensions as Record<string, unknown> | undefined;

async function newAccount(email: string): Promise<string> {
  const created = await asPlatform<{ createAccount: { id: string } }>(
    'mutation($e: String!) { createAccount(input: { email: $e, country: "US" }) { id } }',
    { e: email },
  );
  return created.data!.createAccount.id;
}

beforeAll(async () => {
  prepared = await prepareIsolatedStackEnv('payments');
  stack = await startStack(prepared.env, { randomPorts: true });
  const identity = stack.services.find((s) => s.name === 'identity')!;
  otherKey = (await createPlatform(identity.dataSource, { name: 'Other Rides' })).testSecret;
});
afterAll(async () => {
  await stack?.stop();
  await prepared?.cleanup();
});

describe('payments across the services', () => {
  it('charges an account the moment its platform created it, and the account sees it', async () => {
    const accountId = await newAccount('fresh.driver@example.com');
    const charged = await asPlatform<{ createCharge: { id: string; status: string } }>(CHARGE, {
      account: accountId,
      key: newKey(),
    });
    expect(charged.errors).toBeUndefined();
    expect(charged.data?.createCharge.status).toBe('succeeded');
    const seen = await asAccount<{
      _entities: Array<{ payments: { nodes: Array<{ id: string; description: string }> } }>;
    }>(
      accountId,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { payments(first: 5) { nodes { id description } } } } }',
      { r: [{ __typename: 'Account', id: accountId }] },
    );
    expect(seen.data?._entities[0]?.payments.nodes).toEqual([
      { id: charged.data!.createCharge.id, description: `Payment from ${DEMO_PLATFORM.name}` },
    ]);
  });

  it("refuses another platform's charge on the account", async () => {
    const accountId = await newAccount('someone.else@example.com');
    const foreign = await asPlatform(
      CHARGE,
      { account: accountId, key: newKey() },
      {
        authorization: `Bearer ${otherKey}`,
      },
    );
    expect(extensionsOf(foreign)?.code).toBe('NOT_FOUND');
  });

  it("follows the platform's refund switch, and stops charging a closed account", async () => {
    const accountId = await newAccount('switches@example.com');
    const charged = await asPlatform<{ createCharge: { id: string } }>(CHARGE, {
      account: accountId,
      key: newKey(),
    });
    const paymentId = charged.data!.createCharge.id;
    const refund = () =>
      asAccount(
        accountId,
        'mutation($p: ID!, $k: String!) { refundPayment(payment: $p, amount: 100, idempotencyKey: $k) { id } }',
        {
          p: paymentId,
          k: newKey(),
        },
      );
    await asPlatform('mutation { updatePlatformFeatures(input: { issueRefunds: false }) { id } }');
    await expect
      .poll(async () => extensionsOf(await refund())?.reason, { timeout: 10_000 })
      .toBe('FEATURE_DISABLED');
    await asPlatform('mutation { updatePlatformFeatures(input: { issueRefunds: true }) { id } }');
    await expect.poll(async () => (await refund()).errors, { timeout: 10_000 }).toBeUndefined();
    // The refund reaches the activity hub, leading to its payment.
    const hub = async () =>
      (
        await asPlatform<{
          account: { activity: { nodes: Array<{ kind: string; href: string }> } };
        }>('query($id: ID!) { account(id: $id) { activity(first: 10) { nodes { kind href } } } }', {
          id: accountId,
        })
      ).data!.account.activity.nodes;
    await expect
      .poll(hub, { timeout: 10_000 })
      .toContainEqual({ kind: 'charge.refunded', href: `/payments/${paymentId}` });

    // Refunding all of it leaves the fee to pay: the balance is negative and blocks closing.
    await asAccount(
      accountId,
      'mutation($p: ID!, $k: String!) { refundPayment(payment: $p, idempotencyKey: $k) { id } }',
      {
        p: paymentId,
        k: newKey(),
      },
    );
    await asPlatform('mutation { updatePlatformFeatures(input: { closeAccount: true }) { id } }');
    const identity = stack.services.find((service) => service.name === 'identity')!;
    const asSignedIn = <T>(query: string, variables: Record<string, unknown> = {}) =>
      graphqlRequest<T>(identity.url, query, variables, {
        'x-dash-caller': signCaller(
          { kind: 'account', accountId, platformId: DEMO_PLATFORM.id, livemode: false },
          TEST_INTERNAL_SECRET,
        ),
      });
    // Closing takes a code sent to the account; a test-mode account's is 000000.
    const close = async () => {
      const started = await asSignedIn<{ startAccountClosure: { id: string } }>(
        'mutation { startAccountClosure { id } }',
      );
      return asSignedIn(
        'mutation($c: ID!) { closeMyAccount(challenge: $c, code: "000000") { closedAt } }',
        { c: started.data!.startAccountClosure.id },
      );
    };
    const blocked = await close();
    expect(extensionsOf(blocked)).toMatchObject({
      reason: 'CLOSE_BLOCKED',
      blockers: ['BALANCE_REMAINING'],
    });

    // The platform covers the fee; with nothing left the account closes, and the ledger, told
    // by identity's account.closed event, takes no more money for it.
    const fee = Math.round(2500 * 0.029) + 30;
    await asPlatform(
      'mutation($a: ID!, $k: String!) { createTransfer(input: { account: $a, amount: ' +
        fee +
        ', currency: "usd" }, idempotencyKey: $k) { id } }',
      {
        a: accountId,
        k: newKey(),
      },
    );
    expect((await close()).errors).toBeUndefined();
    await expect
      .poll(
        async () =>
          extensionsOf(await asPlatform(CHARGE, { account: accountId, key: newKey() }))?.reason,
        {
          timeout: 10_000,
        },
      )
      .toBe('ACCOUNT_CLOSED');
  });

  it('exports the filtered transactions as CSV, through the shell and the gateway', async () => {
    // The local stack's development account stands in for a signed-in browser here.
    const csv = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${stack.shellUrl}/exports/balance-transactions.csv?${query}`, {
        headers,
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    };
    const all = await csv('');
    expect(all.status).toBe(200);
    expect(all.type).toMatch(/^text\/csv/);
    const [header, ...rows] = all.text.trim().split('\n');
    expect(header).toBe(
      'id,created,type,reporting_category,description,amount,fee,net,currency,status,available_on,source',
    );
    const ledger = stack.services.find((service) => service.name === 'ledger')!;
    const [count] = (await ledger.dataSource.query(
      'SELECT COUNT(*) AS n FROM balance_transactions WHERE account_id = ?',
      [prepared.env.DASH_DEV_ACCOUNT_ID],
    )) as Array<{ n: string }>;
    expect(rows).toHaveLength(Number(count!.n));
    expect(rows[0]).toMatch(/^txn_/);

    const payouts = await csv('types=payout');
    const payoutRows = payouts.text.trim().split('\n').slice(1);
    expect(payoutRows.length).toBeGreaterThan(0);
    expect(payoutRows.every((row) => row.split(',')[2] === 'payout')).toBe(true);
    // Minor units become decimals a spreadsheet reads: a payout is a negative amount.
    expect(payoutRows[0]!.split(',')[5]).toMatch(/^-\d+\.\d{2}$/);

    expect((await csv('types=bogus')).status).toBe(400);
    const foreign = await fetch(
      `${stack.gatewayUrl.replace('/graphql', '')}/exports/balance-transactions.csv?account=${prepared.env.DASH_DEV_ACCOUNT_ID}`,
      { headers: { authorization: `Bearer ${otherKey}` } },
    );
    expect(foreign.status).toBe(404);
  });
});
