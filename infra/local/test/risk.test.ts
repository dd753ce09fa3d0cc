import { describe, expect, it } from 'vitest';
import { signCaller } from '@dash/auth-context';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { graphqlRequest, waitFor } from '@dash/testing';
import { type RunningStack } from '../src/index.js';
import { ONBOARDING_BANK, onboardAccount } from './onboard.js';
import {
  asCaller,
  createAccountThroughApi,
  demoAccountCaller,
  ownStack,
  platformKey,
} from './support.js';

/**
 * Risk across the services, as it runs: the ledger watches the signals, identity places and
 * lifts the interventions its assessments ask for, the ledger holds what a rolling reserve keeps,
 * payouts recovers a negative balance from the bank, and notifications tells the account and the
 * platform. Nothing is called by hand between them: only the platform's API and the clocks.
 */
let stack: RunningStack;
ownStack(
  'risk',
  (started) => (stack = started),
  (env) => ({
    ...env,
    DASH_AVAILABLE_DELAY_DAYS: '0',
    DASH_RISK_TICK_MS: '300',
    DASH_NEGATIVE_BALANCE_WATCH_MS: '300',
    DASH_DISPUTE_TICK_MS: '300',
    DASH_RECOVERY_EVERY_MS: '300',
    DASH_SIMULATED_BANK_SETTLE_MS: '0',
    DASH_PAYOUT_TICK_MS: '300',
  }),
);
let keys = 0;
const newKey = () => `risk-test-${(keys += 1)}`;

async function asPlatform<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const charge = (account: string, amount: number) =>
  asPlatform<{ createCharge: { id: string } }>(
    `mutation($a: ID!, $n: SafeInt!, $k: String!) {
      createCharge(input: { account: $a, amount: $n, currency: "usd" }, idempotencyKey: $k) { id }
    }`,
    { a: account, n: amount, k: newKey() },
  ).then((data) => data.createCharge.id);

const dispute = (chargeId: string) =>
  asPlatform(`mutation($c: ID!) { createTestDispute(charge: $c, reason: fraudulent) { id } }`, {
    c: chargeId,
  });

interface RiskView {
  account: {
    riskInterventions: Array<{
      id: string;
      kind: string;
      status: string;
      source: string;
      signal: string | null;
      liftedBy: string | null;
    }>;
    riskSignals: Array<{ kind: string; measure: string; breached: boolean; value: number }>;
    balances: Array<{ available: number; reserve: number; reserveHeld: number }>;
    activity: { nodes: Array<{ kind: string; title: string }> };
  };
}
const riskView = (account: string) =>
  asPlatform<RiskView>(
    `query($id: ID!) { account(id: $id) {
      riskInterventions { id kind status source signal liftedBy }
      riskSignals { kind measure breached value }
      balances { available reserve reserveHeld }
      activity(first: 50) { nodes { kind title } }
    } }`,
    { id: account },
  ).then((data) => data.account);

const eventTypes = async (account: string) =>
  (
    await asPlatform<{ events: { nodes: Array<{ type: string }> } }>(
      'query($a: ID!) { events(account: $a, first: 100) { nodes { type } } }',
      { a: account },
    )
  ).events.nodes.map((event) => event.type);

describe('risk across the services', () => {
  it('a dispute rate over its threshold places a rolling reserve that holds part of each payment, lifted when the rate falls back', async () => {
    await asPlatform(
      `mutation { setRiskSettings(input: { disputeRateThreshold: 0.05, severeFactor: 3,
        reservePercent: 10, reserveDays: 30 }) { disputeRateThreshold } }`,
    );
    const account = await createAccountThroughApi(stack, 'risky.seller@example.com');
    await onboardAccount(stack, account);
    const charges = [];
    for (let n = 0; n < 10; n += 1) charges.push(await charge(account, 10_000));
    // One dispute in ten payments: 10%, over the 5% threshold and under three times it.
    await dispute(charges[0]!);

    await waitFor(
      'the automatic rolling reserve',
      async () => {
        const view = await riskView(account);
        expect(view.riskInterventions).toEqual([
          expect.objectContaining({
            kind: 'rolling_reserve',
            status: 'active',
            source: 'automatic',
            signal: 'dispute_rate',
          }),
        ]);
      },
      30_000,
    );
    const breached = (await riskView(account)).riskSignals.filter((signal) => signal.breached);
    expect(breached.map((signal) => `${signal.kind}:${signal.measure}`).sort()).toEqual([
      'dispute_rate:amount',
      'dispute_rate:count',
    ]);

    // A payment while the reserve is in force: 10% of its net (10,000 − 320 in fees) is held.
    const before = (await riskView(account)).balances[0]!;
    await charge(account, 10_000);
    await waitFor('the hold of the new payment', async () => {
      const [balance] = (await riskView(account)).balances;
      expect(balance!.reserveHeld).toBe(before.reserveHeld + 968);
      expect(balance!.available).toBe(before.available + 9_680 - 968);
    });

    // Eleven more payments bring the rate to 1 in 22, under 5%: the reserve lifts by itself,
    // and what it held stays held until its day.
    for (let n = 0; n < 11; n += 1) await charge(account, 10_000);
    await waitFor(
      'the rolling reserve lifted',
      async () => {
        const [reserve] = (await riskView(account)).riskInterventions;
        expect(reserve).toMatchObject({ status: 'lifted', liftedBy: 'automatic' });
      },
      30_000,
    );
    const after = await riskView(account);
    expect(after.balances[0]!.reserveHeld).toBeGreaterThanOrEqual(968);
    // Told to the platform (each change an account.updated) and in the account's activity.
    await waitFor('the platform told of both changes', async () => {
      const updates = (await eventTypes(account)).filter((type) => type === 'account.updated');
      expect(updates.length).toBeGreaterThanOrEqual(2);
    });
    await waitFor('the account told', async () => {
      const titles = (await riskView(account)).activity.nodes.map((item) => item.title);
      expect(titles.some((title) => /reserve/i.test(title))).toBe(true);
    });
  });

  it('a balance left negative past the recovery days is debited from the bank, and made good', async () => {
    await asPlatform('mutation { setRiskSettings(input: { recoveryDays: 1 }) { recoveryDays } }');
    const account = await createAccountThroughApi(stack, 'owing.seller@example.com');
    await onboardAccount(stack, account);
    const paid = await charge(account, 1_000);
    // 1,000 disputed and a 1,500 fee, from a balance of 941 (1,000 less 59 in fees): 1,559 owed.
    await dispute(paid);
    const ledger = stack.services.find((service) => service.name === 'ledger')!;
    await waitFor('the negative balance seen', async () => {
      const rows = (await ledger.dataSource.query(
        'SELECT amount FROM negative_balances WHERE account_id = ?',
        [account],
      )) as Array<{ amount: string }>;
      expect(rows.map((row) => Number(row.amount))).toEqual([1_559]);
    });
    const [negative] = (
      await asPlatform<{ account: { balances: Array<Record<string, unknown>> } }>(
        `query($id: ID!) { account(id: $id) { balances { available negativeSince recoveryScheduledFor negativeCauses } } }`,
        { id: account },
      )
    ).account.balances;
    expect(negative).toMatchObject({ available: -1_559, negativeCauses: ['dispute'] });
    // Two days on, as the ledger's own records would say: its movements two days older, then
    // (once a watch pass that may have read them is over: each looks back a little) the day
    // the balance went below zero, past the one recovery day the platform set.
    await ledger.dataSource.query(
      `UPDATE balance_transactions SET created_at = created_at - INTERVAL 2 DAY,
         available_on = available_on - INTERVAL 2 DAY WHERE account_id = ?`,
      [account],
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await ledger.dataSource.query(
      'UPDATE negative_balances SET since = since - INTERVAL 2 DAY WHERE account_id = ?',
      [account],
    );

    await waitFor(
      'the recovery debit settled',
      async () => {
        const data = await asPlatform<{
          account: {
            balances: Array<{ available: number; negativeSince: string | null }>;
            recoveryDebits: Array<{ status: string; amount: number }>;
          };
        }>(
          `query($id: ID!) { account(id: $id) {
            balances { available negativeSince }
            recoveryDebits { status amount }
          } }`,
          { id: account },
        );
        expect(data.account.recoveryDebits).toEqual([{ status: 'succeeded', amount: 1_559 }]);
        expect(data.account.balances[0]).toMatchObject({ available: 0 });
      },
      30_000,
    );
    await waitFor('the platform told of the recovery', async () => {
      const types = await eventTypes(account);
      expect(types.filter((type) => type === 'recovery_debit.updated')).toHaveLength(2);
    });
  });

  it('a payout the bank returns asks the account to confirm its bank details; confirmed, payouts resume and it is not asked again for that failure', async () => {
    await asPlatform(
      'mutation { setRiskSettings(input: { payoutFailuresThreshold: 1 }) { payoutFailuresThreshold } }',
    );
    const account = await createAccountThroughApi(stack, 'bounced.seller@example.com');
    // The simulated bank returns every payout to an account number ending 1116.
    await onboardAccount(stack, account, {
      bank: { ...ONBOARDING_BANK, accountNumber: '000111111116' },
    });
    await asPlatform(
      `mutation($a: ID!, $k: String!) {
        createTransfer(input: { account: $a, amount: 5000, currency: "usd" }, idempotencyKey: $k) { id }
      }`,
      { a: account, k: newKey() },
    );
    await asPlatform(
      `mutation($a: ID!, $k: String!) {
        createPayout(account: $a, input: { amount: 2000, currency: "usd" }, idempotencyKey: $k) { id }
      }`,
      { a: account, k: newKey() },
    );
    const asOwner = asCaller(stack, 'identity', demoAccountCaller(account));
    const ownView = async () =>
      (
        await asOwner<{
          me: {
            payoutsEnabled: boolean;
            riskInterventions: Array<{ id: string; kind: string; resolution: string }>;
          };
        }>('{ me { payoutsEnabled riskInterventions(status: active) { id kind resolution } } }')
      ).data!.me;
    await waitFor(
      'the bank details to confirm',
      async () => {
        const me = await ownView();
        expect(me.riskInterventions).toEqual([
          expect.objectContaining({ kind: 'require_information', resolution: 'confirm' }),
        ]);
        expect(me.payoutsEnabled).toBe(false);
      },
      30_000,
    );
    const [asked] = (await ownView()).riskInterventions;
    const confirmed = await asOwner<{
      resolveRiskIntervention: { status: string; liftedBy: string };
    }>(
      'mutation($id: ID!) { resolveRiskIntervention(id: $id, confirm: true) { status liftedBy } }',
      { id: asked!.id },
    );
    expect(confirmed.data?.resolveRiskIntervention).toEqual({
      status: 'lifted',
      liftedBy: 'account',
    });
    expect(await ownView()).toEqual({ payoutsEnabled: true, riskInterventions: [] });
    // The failure still counts in the window, but the account answered for it: several more
    // assessments later it is still not asked again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await ownView()).riskInterventions).toEqual([]);
  });

  it('payments far above their usual volume ask for an identity document; once it is verified, the request lifts itself and payouts resume', async () => {
    const account = await createAccountThroughApi(stack, 'sudden.seller@example.com');
    await onboardAccount(stack, account);
    // Its history: ten payments of 10.00 over the last three months.
    for (let n = 0; n < 10; n += 1) await charge(account, 1_000);
    const ledger = stack.services.find((service) => service.name === 'ledger')!;
    await ledger.dataSource.query(
      `UPDATE balance_transactions SET created_at = created_at - INTERVAL 40 DAY
       WHERE account_id = ? AND type = 'charge'`,
      [account],
    );
    // Then a week of ten payments of 100.00: 1,000.00 against a usual 7.69 a week.
    for (let n = 0; n < 10; n += 1) await charge(account, 10_000);
    const asOwner = asCaller(stack, 'identity', demoAccountCaller(account));
    const document = async () =>
      (
        await asOwner<{
          me: {
            payoutsEnabled: boolean;
            requirements: { currentlyDue: string[] };
            riskInterventions: Array<{ kind: string; requirement: string | null }>;
          };
        }>(
          '{ me { payoutsEnabled requirements { currentlyDue } riskInterventions(status: active) { kind requirement } } }',
        )
      ).data!.me;
    await waitFor(
      'the document asked for',
      async () => {
        const me = await document();
        expect(me.riskInterventions).toEqual([
          { kind: 'require_document', requirement: 'individual.verification.document' },
        ]);
        expect(me.requirements.currentlyDue).toContain('individual.verification.document');
        expect(me.payoutsEnabled).toBe(false);
      },
      30_000,
    );
    const signals = (await riskView(account)).riskSignals;
    expect(signals.find((signal) => signal.kind === 'volume_change')).toMatchObject({
      breached: true,
    });

    // The account sends a passport photo (test mode verifies what carries no failure marker).
    const identity = stack.services.find((service) => service.name === 'identity')!;
    const sent = await fetch(identity.url.replace('/graphql', '/files?purpose=identity_document'), {
      method: 'POST',
      headers: {
        'x-dash-caller': signCaller(demoAccountCaller(account), TEST_SECRET_KEYS, {
          audience: 'identity',
        }),
        'content-type': 'image/jpeg',
        'x-file-name': 'passport.jpg',
      },
      body: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]),
    });
    expect(sent.status).toBe(201);
    const { id: front } = (await sent.json()) as { id: string };
    const attached = await asOwner<{ attachVerificationDocument: { status: string } }>(
      `mutation($i: VerificationDocumentInput!) { attachVerificationDocument(input: $i) { status } }`,
      { i: { requirement: 'individual.verification.document', type: 'passport', front } },
    );
    expect(attached.data?.attachVerificationDocument.status).toBe('verified');
    expect(await document()).toEqual({
      payoutsEnabled: true,
      requirements: { currentlyDue: [] },
      riskInterventions: [],
    });
  });
});
