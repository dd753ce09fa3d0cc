import { describe, expect, it } from 'vitest';
import { graphqlRequest } from '@dash/testing';
import { type RunningStack } from '../src/index.js';
import { codeSentTo, messagesTo } from './dev-outbox.js';
import { changeOnboardingAnswers, onboardAccount, openOnboarding } from './onboard.js';
import {
  asCaller,
  createAccountThroughApi,
  demoAccountCaller,
  extensionsOf,
  platformKey,
  ownStack,
} from './support.js';

let stack: RunningStack;
ownStack(
  'payouts',
  (started) => (stack = started),
  (env) => ({ ...env, DASH_PAYOUT_TICK_MS: '300', DASH_SIMULATED_BANK_SETTLE_MS: '0' }),
);
let keys = 0;
const newKey = () => `payouts-test-${(keys += 1)}`;

const asPlatform = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

/** The dashboard's calls for one signed-in account, made to a subgraph as the gateway makes them. */
const asAccount = (accountId: string, service: 'identity' | 'payouts' | 'notifications') =>
  asCaller(stack, service, demoAccountCaller(accountId, 'ses_test'));

/**
 * A new account, onboarded by its owner with test values and `bank` as its first bank account
 * (null: never onboarded, every capability off).
 */
async function newAccount(
  email: string,
  bank: Record<string, string> | null = US_BANK,
): Promise<string> {
  const accountId = await createAccountThroughApi(stack, email);
  if (bank) await onboardAccount(stack, accountId, { bank });
  return accountId;
}

async function fund(accountId: string, amount: number): Promise<void> {
  const transfer = await asPlatform(
    'mutation($a: ID!, $n: SafeInt!, $k: String!) { createTransfer(input: { account: $a, amount: $n, currency: "usd" }, idempotencyKey: $k) { id } }',
    { a: accountId, n: amount, k: newKey() },
  );
  expect(transfer.errors).toBeUndefined();
}

const US_BANK = {
  country: 'US',
  currency: 'usd',
  accountHolderName: 'Riley Driver',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};

async function activityKinds(accountId: string): Promise<string[]> {
  const response = await asPlatform<{ account: { activity: { nodes: Array<{ kind: string }> } } }>(
    'query($id: ID!) { account(id: $id) { activity(first: 50) { nodes { kind } } } }',
    { id: accountId },
  );
  return response.data!.account.activity.nodes.map((item) => item.kind);
}

const CHANGE_BANK = `mutation($bank: BankAccountInput!, $c: ID!, $code: String!) {
  changeExternalAccount(bankAccount: $bank, challenge: $c, code: $code) { id last4 defaultForCurrency }
}`;

describe('payouts across the services', () => {
  it('a payout is composed with the balance, moves along, and shows in the activity hub', async () => {
    const accountId = await newAccount('payout.driver@example.com');
    await fund(accountId, 12_000);
    const paid = await asPlatform<{ createPayout: { id: string; status: string } }>(
      'mutation($a: ID!, $k: String!) { createPayout(account: $a, input: { amount: 5000, currency: "usd" }, idempotencyKey: $k) { id status } }',
      { a: accountId, k: newKey() },
    );
    expect(paid.data?.createPayout.status).toBe('pending');
    // One request, planned across the ledger (balances) and payouts (the rest).
    const composed = await asPlatform<{
      account: {
        balances: Array<{ available: number }>;
        payoutsInTransit: Array<{ amount: number }>;
        payoutSchedule: { interval: string };
        externalAccounts: Array<{ last4: string }>;
      };
    }>(
      'query($id: ID!) { account(id: $id) { balances { available } payoutsInTransit { currency amount } payoutSchedule { interval nextPayoutDate } externalAccounts { last4 } } }',
      { id: accountId },
    );
    expect(composed.data?.account).toMatchObject({
      balances: [{ available: 7_000 }],
      payoutSchedule: { interval: 'daily' },
      externalAccounts: [{ last4: '6789' }],
    });
    await expect
      .poll(() => activityKinds(accountId), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['payout.created', 'payout.upcoming', 'payout.paid']));
    // Each item points at its payout; the gateway fetches the payout itself from payouts.
    const linked = await asPlatform<{
      account: {
        activity: {
          nodes: Array<{
            kind: string;
            href: string;
            payout: { id: string; status: string; amount: number } | null;
          }>;
        };
      };
    }>(
      'query($id: ID!) { account(id: $id) { activity(first: 10) { nodes { kind href payout { id status amount } } } } }',
      { id: accountId },
    );
    const paidItem = linked.data!.account.activity.nodes.find(
      (node) => node.kind === 'payout.paid',
    )!;
    expect(paidItem.payout).toEqual({
      id: paid.data!.createPayout.id,
      status: 'paid',
      amount: 5_000,
    });
    expect(paidItem.href).toBe(`/payouts/${paid.data!.createPayout.id}`);
  });

  it('an account changes its bank account only with the code sent to it', async () => {
    const email = 'bank.change@example.com';
    const accountId = await newAccount(email);
    const started = await asAccount(
      accountId,
      'identity',
    )<{
      startPayoutDetailsChange: { id: string; maskedDestination: string };
    }>('mutation { startPayoutDetailsChange { id maskedDestination } }');
    expect(started.errors).toBeUndefined();
    const challenge = started.data!.startPayoutDetailsChange.id;
    const code = await codeSentTo(stack, email);
    const newBank = { ...US_BANK, accountNumber: '000999999991' };

    const wrong = await asAccount(accountId, 'payouts')(CHANGE_BANK, {
      bank: newBank,
      c: challenge,
      code: code === '111111' ? '222222' : '111111',
    });
    expect(extensionsOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_WRONG' });
    const badDetails = await asAccount(accountId, 'payouts')(CHANGE_BANK, {
      bank: { ...newBank, routingNumber: '123' },
      c: challenge,
      code,
    });
    expect(extensionsOf(badDetails)).toMatchObject({ field: 'routingNumber' });

    const changed = await asAccount(accountId, 'payouts')<{
      changeExternalAccount: { last4: string; defaultForCurrency: boolean };
    }>(CHANGE_BANK, { bank: newBank, c: challenge, code });
    expect(changed.data?.changeExternalAccount).toEqual({
      id: expect.any(String),
      last4: '9991',
      defaultForCurrency: true,
    });
    const listed = await asPlatform<{ account: { externalAccounts: Array<{ last4: string }> } }>(
      'query($id: ID!) { account(id: $id) { externalAccounts { last4 } } }',
      { id: accountId },
    );
    expect(listed.data?.account.externalAccounts).toEqual([{ last4: '9991' }]);
    // The code is used up.
    const again = await asAccount(accountId, 'payouts')(CHANGE_BANK, {
      bank: US_BANK,
      c: challenge,
      code,
    });
    expect(extensionsOf(again)).toMatchObject({ reason: 'CHALLENGE_INVALID' });
    await expect
      .poll(() => activityKinds(accountId), { timeout: 10_000 })
      .toContain('external_account.updated');
  });

  it('a stolen session that takes over the email still cannot change the bank account', async () => {
    const email = 'taken.over@example.com';
    // Onboarded with its bank account (US_BANK): the one the thief is after.
    const accountId = await newAccount(email);
    const thief = asAccount(accountId, 'identity');
    // A payout-details code asked for before the takeover: it went to the real holder's email.
    const early = await thief<{ startPayoutDetailsChange: { id: string } }>(
      'mutation { startPayoutDetailsChange { id } }',
    );
    const earlyCode = await codeSentTo(stack, email);

    const started = await thief<{ startContactChange: { id: string } }>(
      'mutation { startContactChange(kind: email, value: "thief@evil.example") { id } }',
    );
    const challenge = started.data!.startContactChange.id;
    const CONFIRM =
      'mutation($c: ID!, $code: String!, $current: String) { confirmContactChange(challenge: $c, code: $code, currentCode: $current) { email } }';
    const newCode = await codeSentTo(stack, 'thief@evil.example');
    const alone = await thief(CONFIRM, { c: challenge, code: newCode });
    expect(extensionsOf(alone)).toMatchObject({ reason: 'CURRENT_CODE_REQUIRED' });

    // Even holding both mailboxes, the bank change waits 72 hours.
    const both = await thief<{ confirmContactChange: { email: string } }>(CONFIRM, {
      c: challenge,
      code: newCode,
      current: await codeSentTo(stack, email),
    });
    expect(both.data?.confirmContactChange.email).toBe('thief@evil.example');
    const held = await thief('mutation { startPayoutDetailsChange { id } }');
    expect(extensionsOf(held)).toMatchObject({ reason: 'RECENT_CONTACT_CHANGE' });
    const changed = await asAccount(accountId, 'payouts')(CHANGE_BANK, {
      bank: { ...US_BANK, accountNumber: '000999999992' },
      c: early.data!.startPayoutDetailsChange.id,
      code: earlyCode,
    });
    expect(extensionsOf(changed)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
    const listed = await asPlatform<{ account: { externalAccounts: Array<{ last4: string }> } }>(
      'query($id: ID!) { account(id: $id) { externalAccounts { last4 } } }',
      { id: accountId },
    );
    expect(listed.data?.account.externalAccounts).toEqual([
      { last4: US_BANK.accountNumber.slice(-4) },
    ]);
  });

  it('a failed payout is emailed, once, in the language the account chose', async () => {
    const email = 'failed.payout@example.com';
    const accountId = await newAccount(email, { ...US_BANK, accountNumber: '000111111116' });
    await fund(accountId, 3_000);
    await asPlatform(
      'mutation($a: ID!, $k: String!) { createPayout(account: $a, input: { amount: 3000, currency: "usd" }, idempotencyKey: $k) { id } }',
      { a: accountId, k: newKey() },
    );
    await expect
      .poll(async () => (await messagesTo(stack, email)).map((m) => m.subject), { timeout: 15_000 })
      .toEqual(['A payout failed']);
    const [message] = await messagesTo(stack, email);
    expect(message!.text).toContain('$30.00');
    expect(message!.text).toMatch(/\/payouts\/po_/);

    // Another account asks for Chinese, and for no dispute emails.
    const other = 'quiet.account@example.com';
    const otherId = await newAccount(other, { ...US_BANK, accountNumber: '000111111113' });
    const prefs = await asAccount(
      otherId,
      'notifications',
    )(
      'mutation { updateNotificationPreferences(input: { emailPayoutFailed: true, locale: "zh-CN" }) { locale } }',
    );
    expect(prefs.errors).toBeUndefined();
    await fund(otherId, 1_000);
    await asPlatform(
      'mutation($a: ID!, $k: String!) { createPayout(account: $a, input: { amount: 1000, currency: "usd" }, idempotencyKey: $k) { id } }',
      { a: otherId, k: newKey() },
    );
    await expect
      .poll(async () => (await messagesTo(stack, other)).map((m) => m.subject), { timeout: 15_000 })
      .toEqual(['一笔提现失败了']);
  });

  it('what the platform switches off, the account cannot change', async () => {
    const accountId = await newAccount('switched.off@example.com', null);
    const SCHEDULE =
      'mutation { updateMyPayoutSchedule(input: { interval: manual }) { interval } }';
    const allowed = await asAccount(
      accountId,
      'payouts',
    )<{ updateMyPayoutSchedule: { interval: string } }>(SCHEDULE);
    expect(allowed.data?.updateMyPayoutSchedule.interval).toBe('manual');
    const off = await asPlatform(
      'mutation { updatePlatformFeatures(input: { editPayoutSchedule: false, instantPayouts: false }) { features { editPayoutSchedule } } }',
    );
    expect(off.errors).toBeUndefined();
    // The switch reaches payouts by event.
    await expect
      .poll(async () => extensionsOf(await asAccount(accountId, 'payouts')(SCHEDULE)), {
        timeout: 10_000,
      })
      .toMatchObject({
        code: 'FORBIDDEN',
        reason: 'FEATURE_DISABLED',
        feature: 'editPayoutSchedule',
      });
    const instant = await asAccount(accountId, 'payouts')(
      'mutation($k: String!) { payOut(input: { amount: 100, currency: "usd", method: instant }, idempotencyKey: $k) { id } }',
      { k: newKey() },
    );
    expect(extensionsOf(instant)).toMatchObject({ code: 'FORBIDDEN', feature: 'instantPayouts' });
    await asPlatform(
      'mutation { updatePlatformFeatures(input: { editPayoutSchedule: true, instantPayouts: true }) { id } }',
    );
  });
});

describe('capabilities gate payouts', () => {
  const CREATE_PAYOUT =
    'mutation($a: ID!, $n: SafeInt!, $k: String!) { createPayout(account: $a, input: { amount: $n, currency: "usd" }, idempotencyKey: $k) { id } }';
  const PAY_OUT_NOW =
    'mutation($k: String!) { payOut(input: { amount: 100, currency: "usd" }, idempotencyKey: $k) { id } }';
  const payoutsOf = async (accountId: string) =>
    (
      await asPlatform<{ account: { payouts: { nodes: unknown[] } } }>(
        'query($id: ID!) { account(id: $id) { payouts(first: 50) { nodes { id } } } }',
        { id: accountId },
      )
    ).data!.account.payouts.nodes.length;

  it('an account that never onboarded: 20 platform payouts and 20 "pay out now" at once, none pass', async () => {
    const accountId = await newAccount('never.onboarded@example.com', null);
    const funded = await asPlatform(
      'mutation($a: ID!, $k: String!) { createTransfer(input: { account: $a, amount: 5000, currency: "usd" }, idempotencyKey: $k) { id } }',
      { a: accountId, k: newKey() },
    );
    expect(extensionsOf(funded)).toMatchObject({ reason: 'ACCOUNT_CHARGES_DISABLED' });
    const bank = await asPlatform(
      'mutation($a: ID!, $b: BankAccountInput!) { createExternalAccount(account: $a, bankAccount: $b) { id } }',
      { a: accountId, b: US_BANK },
    );
    expect(bank.errors).toBeUndefined();
    const attempts = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        asPlatform(CREATE_PAYOUT, { a: accountId, n: 100, k: newKey() }),
      ),
      ...Array.from({ length: 20 }, () =>
        asAccount(accountId, 'payouts')(PAY_OUT_NOW, { k: newKey() }),
      ),
    ]);
    for (const attempt of attempts)
      expect(extensionsOf(attempt)).toMatchObject({ reason: 'ACCOUNT_PAYOUTS_DISABLED' });
    expect(await payoutsOf(accountId)).toBe(0);
  });

  it('a failed check (id 111111111) stops the next payout within seconds; charges go on; fixed, payouts return', async () => {
    const accountId = await newAccount('failed.check@example.com');
    await fund(accountId, 10_000);
    const payOut = () => asPlatform(CREATE_PAYOUT, { a: accountId, n: 100, k: newKey() });
    expect((await payOut()).errors).toBeUndefined();
    const owner = await openOnboarding(stack, accountId);
    expect(
      await changeOnboardingAnswers(owner, { 'individual.id_number': '111111111' }),
    ).toMatchObject({ payoutsEnabled: false });
    const changedAt = Date.now();
    await expect
      .poll(async () => extensionsOf(await payOut())?.reason ?? 'paid', {
        timeout: 10_000,
        interval: 250,
      })
      .toBe('ACCOUNT_PAYOUTS_DISABLED');
    expect(Date.now() - changedAt).toBeLessThan(10_000);
    // Within the grace period the account still takes payments; the balance keeps growing.
    await fund(accountId, 1_000);
    // The corrected id number is verified again in the background; payouts wait for it.
    expect(
      await changeOnboardingAnswers(owner, { 'individual.id_number': '000000000' }),
    ).toMatchObject({ payoutsEnabled: false });
    await expect
      .poll(async () => extensionsOf(await payOut())?.reason ?? 'paid', {
        timeout: 20_000,
        interval: 500,
      })
      .toBe('paid');
  });
});
