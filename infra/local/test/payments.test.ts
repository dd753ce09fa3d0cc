import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { graphqlRequest, type GraphqlResponse } from '@dash/testing';
import { DEMO_PLATFORM, type IsolatedStackEnv, type RunningStack } from '../src/index.js';
import { onboardAccount } from './onboard.js';
import {
  asCaller,
  createAccountThroughApi,
  demoAccountCaller,
  extensionsOf,
  platformKey,
  anotherPlatform,
  ownStack,
} from './support.js';

let prepared: IsolatedStackEnv;
let stack: RunningStack;
ownStack('payments', (started, isolated) => {
  stack = started;
  prepared = isolated;
});
let otherKey: string;
let keys = 0;
const newKey = () => `payments-test-${(keys += 1)}`;

const asPlatform = <T>(query: string, variables: Record<string, unknown> = {}, key = platformKey) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, key);

/** The dashboard's call for one account, made to the ledger as the gateway makes it. */
const asAccount = <T>(accountId: string, query: string, variables: Record<string, unknown> = {}) =>
  asCaller(stack, 'ledger', demoAccountCaller(accountId))<T>(query, variables);

const CHARGE = `mutation($account: ID!, $key: String!) {
  createCharge(input: { account: $account, amount: 2500, currency: "usd", customerEmail: "ana@example.com" }, idempotencyKey: $key) { id status }
}`;

/** A new account, onboarded by its owner (test values) unless the test says otherwise. */
async function newAccount(email: string, onboarded = true): Promise<string> {
  const accountId = await createAccountThroughApi(stack, email);
  if (onboarded) await onboardAccount(stack, accountId);
  return accountId;
}

beforeAll(async () => {
  otherKey = (await anotherPlatform(stack, 'Other Rides')).testSecret;
});

describe('payments across the services', () => {
  it('refuses 20 parallel charges before the account onboards; charges it within seconds after, and the account sees it', async () => {
    const accountId = await newAccount('fresh.driver@example.com', false);
    const early = await Promise.all(
      Array.from({ length: 20 }, () => asPlatform(CHARGE, { account: accountId, key: newKey() })),
    );
    for (const refused of early)
      expect(extensionsOf(refused)).toMatchObject({
        code: 'FAILED_PRECONDITION',
        reason: 'ACCOUNT_CHARGES_DISABLED',
      });
    await onboardAccount(stack, accountId);
    // The ledger hears of it by event (and its cache of the account lasts five seconds).
    let charged: GraphqlResponse<{ createCharge: { id: string; status: string } }> | undefined;
    await expect
      .poll(
        async () => {
          charged = await asPlatform(CHARGE, { account: accountId, key: newKey() });
          return extensionsOf(charged)?.reason ?? 'charged';
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('charged');
    if (!charged?.data) throw new Error('not charged');
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
    const accountId = await newAccount('someone.else@example.com', false);
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
    const asSignedIn = asCaller(stack, 'identity', demoAccountCaller(accountId));
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

  it('exports text a spreadsheet would run as a formula as inert text', async () => {
    const accountId = prepared.env.DASH_DEV_ACCOUNT_ID!;
    const formulas = ['=1+2', '+1+2', '-1+2', '@SUM(A1)', '\t=1+2', '\r=1+2'];
    const charged = await Promise.all(
      formulas.map((description) =>
        asPlatform<{ createCharge: { id: string } }>(
          `mutation($account: ID!, $key: String!, $d: String!) {
            createCharge(input: { account: $account, amount: 1234, currency: "usd", description: $d }, idempotencyKey: $key) { id }
          }`,
          { account: accountId, key: newKey(), d: description },
        ),
      ),
    );
    expect(charged.map((response) => response.errors)).toEqual(formulas.map(() => undefined));
    const text = await (
      await fetch(`${stack.shellUrl}/exports/balance-transactions.csv?types=charge`)
    ).text();
    for (const formula of formulas) {
      // csv-stringify quotes cells with a tab or CR in them; the quote mark comes first inside.
      expect(text).toContain(`'${formula}`);
      // No cell starts with it: not after a separator, nor after a quoted cell's opening quote.
      expect(text).not.toContain(`,${formula}`);
      expect(text).not.toContain(`,"${formula}`);
    }
    // Our own amounts stay numbers: a payout's minus sign is not escaped.
    const payouts = await (
      await fetch(`${stack.shellUrl}/exports/balance-transactions.csv?types=payout`)
    ).text();
    expect(payouts).toMatch(/,-\d+\.\d{2},/);
    expect(payouts).not.toContain("'");
  });

  it('refuses exports and uploads another site makes the browser send', async () => {
    const exportUrl = `${stack.shellUrl}/exports/balance-transactions.csv`;
    const crossSite: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const response = await fetch(exportUrl, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
      const upload = await fetch(`${stack.shellUrl}/files`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' },
        body: Buffer.from('%PDF-1.4'),
      });
      expect(upload.status, JSON.stringify(headers)).toBe(403);
    }
    // The dashboard itself (same origin, through the shell) and a typed-in address still work.
    const own = await fetch(exportUrl, {
      headers: { origin: stack.shellUrl, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect((await fetch(exportUrl, { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);
  });
});

describe('test keys cannot change live behaviour', () => {
  it('a leaked test key switches refunds and instant payouts for test mode only, however the two keys race', async () => {
    const created = await anotherPlatform(stack, 'Leaky Rides');
    const platformId = created.platform.id;
    const testKey = { authorization: `Bearer ${created.testSecret}` };
    const liveKey = { authorization: `Bearer ${created.liveSecret}` };
    const newAccountWith = (key: Record<string, string>, email: string) =>
      createAccountThroughApi(stack, email, key);
    const liveAccount = await newAccountWith(liveKey, 'live.rider@example.com');
    const testAccount = await newAccountWith(testKey, 'test.rider@example.com');
    const SWITCH = `mutation($on: Boolean!) {
      updatePlatformFeatures(input: { issueRefunds: $on, instantPayouts: $on }) { id }
    }`;
    // The leaked test key turns both off while the live key keeps turning them on, at once.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        graphqlRequest(stack.gatewayUrl, SWITCH, { on: i % 2 === 1 }, i % 2 ? liveKey : testKey),
      ),
    );
    const featuresWith = async (key: Record<string, string>) =>
      (
        await graphqlRequest<{
          platform: { features: { issueRefunds: boolean; instantPayouts: boolean } };
        }>(stack.gatewayUrl, '{ platform { features { issueRefunds instantPayouts } } }', {}, key)
      ).data!.platform.features;
    expect(await featuresWith(testKey)).toEqual({ issueRefunds: false, instantPayouts: false });
    expect(await featuresWith(liveKey)).toEqual({ issueRefunds: true, instantPayouts: true });

    /** What each dashboard refuses the account for, as the gateway would call for it. */
    const reasonFor = async (
      accountId: string,
      livemode: boolean,
      service: 'ledger' | 'payouts',
    ) => {
      const caller: Caller = { kind: 'account', accountId, platformId, livemode };
      const asThatAccount = asCaller(stack, service, caller);
      const response = await asThatAccount(
        service === 'ledger'
          ? 'mutation($k: String!) { refundPayment(payment: "py_none", amount: 100, idempotencyKey: $k) { id } }'
          : 'mutation($k: String!) { payOut(input: { amount: 100, currency: "usd", method: instant }, idempotencyKey: $k) { id } }',
        { k: newKey() },
      );
      return extensionsOf(response)?.reason ?? extensionsOf(response)?.code;
    };
    // Test mode's switch reaches the ledger and payouts by event...
    for (const service of ['ledger', 'payouts'] as const)
      await expect
        .poll(() => reasonFor(testAccount, false, service), { timeout: 10_000 })
        .toBe('FEATURE_DISABLED');
    // ...and live mode's accounts may still refund and take instant payouts (refused only for
    // reasons of their own: no such payment, no onboarding).
    expect(await reasonFor(liveAccount, true, 'ledger')).not.toBe('FEATURE_DISABLED');
    expect(await reasonFor(liveAccount, true, 'payouts')).not.toBe('FEATURE_DISABLED');

    // The test key turns them on again: test mode only, again.
    await graphqlRequest(stack.gatewayUrl, SWITCH, { on: true }, testKey);
    await graphqlRequest(stack.gatewayUrl, SWITCH, { on: false }, liveKey);
    await graphqlRequest(stack.gatewayUrl, SWITCH, { on: true }, testKey);
    expect(await featuresWith(liveKey)).toEqual({ issueRefunds: false, instantPayouts: false });
    await expect
      .poll(() => reasonFor(liveAccount, true, 'ledger'), { timeout: 10_000 })
      .toBe('FEATURE_DISABLED');
    expect(await reasonFor(testAccount, false, 'ledger')).not.toBe('FEATURE_DISABLED');
    await expect
      .poll(() => reasonFor(liveAccount, true, 'payouts'), { timeout: 10_000 })
      .toBe('FEATURE_DISABLED');
  });
});
