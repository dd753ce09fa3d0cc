import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { ledgerInvariants, ledgerService } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import { keepCapabilities, rememberAccount } from '@dash/subgraph';
import { accountReference, startTestService, type TestService } from '@dash/subgraph/testing';
import { scrapeMetric, type GraphqlResponse } from '@dash/testing';
import { keyRing, TEST_INTERNAL_SECRET } from '@dash/config';
import type { PayoutDebitRequest } from '@dash/contracts';
import { payoutsService, runAutomaticPayouts } from '../src/index.js';
import { PayoutMethod } from '../src/payout/payout.entity.js';
import { PayoutRequests } from '../src/payout/payout-requests.service.js';
import { validateBankAccount } from '../src/external-account/bank-details.rules.js';
import { bankFingerprint } from '../src/external-account/fingerprint.rules.js';
import {
  asAccount,
  callAs,
  FAILING_US_BANK,
  knownAccounts,
  newKey,
  payoutsInstance,
  platformA,
  platformB,
  US_BANK,
  VISA_DEBIT,
} from './support.js';

let ledger: TestService;
let payouts: TestService;
let env: Record<string, string>;
let app: ReturnType<typeof payoutsInstance>;

const extensionsOf = (response: GraphqlResponse<unknown>) =>
  response.errors?.[0]?.extensions as Record<string, unknown> | undefined;

const ADD_EXTERNAL = `mutation($account: ID!, $bank: BankAccountInput, $card: DebitCardInput) {
  createExternalAccount(account: $account, bankAccount: $bank, card: $card) {
    id kind last4 bankName brand defaultForCurrency availablePayoutMethods fingerprint status
  }
}`;
const CREATE_PAYOUT = `mutation($account: ID!, $input: PayoutInput!, $key: String!) {
  createPayout(account: $account, input: $input, idempotencyKey: $key) {
    id amount fee currency status method automatic arrivalDate balanceTransactionId
    destination { id kind last4 }
  }
}`;

type PayoutResult = {
  id: string;
  amount: number;
  fee: number;
  status: string;
  automatic: boolean;
  arrivalDate: string;
  balanceTransactionId: string;
  destination: { id: string; kind: string; last4: string };
};

/** Money for an account's balance: a platform transfer, available at once. */
async function transferTo(accountId: string, amount: number): Promise<void> {
  const transfer = await callAs(
    ledger,
    platformA,
    'mutation($input: TransferInput!, $key: String!) { createTransfer(input: $input, idempotencyKey: $key) { id } }',
    { input: { account: accountId, amount, currency: 'usd' }, key: newKey() },
  );
  expect(transfer.errors).toBeUndefined();
}

/** A fresh account known to both services, with `funds` available (a platform transfer). */
async function newFundedAccount(funds: number, bank: object | null = US_BANK): Promise<string> {
  const accountId = `acct_flow_${randomBytes(6).toString('hex')}`;
  await knownAccounts([ledger, payouts], [accountId]);
  if (funds > 0) await transferTo(accountId, funds);
  if (bank) {
    const added = await callAs(payouts, platformA, ADD_EXTERNAL, { account: accountId, bank });
    expect(added.errors).toBeUndefined();
  }
  return accountId;
}

async function available(accountId: string): Promise<number> {
  const response = await callAs<{ _entities: Array<{ balances: Array<{ available: number }> }> }>(
    ledger,
    platformA,
    'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balances { available } } } }',
    accountReference(accountId),
  );
  return response.data!._entities[0]!.balances[0]?.available ?? 0;
}

const payOut = (accountId: string, amount: number, key = newKey(), extra: object = {}) =>
  callAs<{ createPayout: PayoutResult }>(payouts, platformA, CREATE_PAYOUT, {
    account: accountId,
    input: { amount, currency: 'usd', ...extra },
    key,
  });

const payoutRow = (id: string) =>
  payouts.dataSource.query('SELECT status, failure_code, returned_at FROM payouts WHERE id = ?', [
    id,
  ]) as Promise<Array<{ status: string; failure_code: string | null; returned_at: Date | null }>>;

beforeAll(async () => {
  ledger = await startTestService(ledgerService);
  env = {
    DASH_LEDGER_URL: ledger.url,
    // The tests move payouts along themselves, step by step.
    DASH_PAYOUT_TICK_MS: '3600000',
    DASH_AUTOMATIC_PAYOUTS_EVERY_MS: '3600000',
    DASH_SIMULATED_BANK_SETTLE_MS: '0',
  };
  payouts = await startTestService(payoutsService, env);
  app = payoutsInstance(payouts, { ...env, REDIS_URL: 'redis://127.0.0.1:6379' });
});
afterAll(async () => {
  await payouts?.close();
  await ledger?.close();
});

describe('bank accounts and cards', () => {
  it('keeps them masked and fingerprinted; the first per currency is the default', async () => {
    const accountId = await newFundedAccount(0, null);
    const bank = await callAs<{ createExternalAccount: Record<string, unknown> }>(
      payouts,
      platformA,
      ADD_EXTERNAL,
      {
        account: accountId,
        bank: US_BANK,
      },
    );
    expect(bank.data?.createExternalAccount).toMatchObject({
      kind: 'bank_account',
      last4: '6789',
      bankName: 'Simulated Bank',
      defaultForCurrency: true,
      availablePayoutMethods: ['standard'],
      status: 'new',
    });
    const card = await callAs<{ createExternalAccount: Record<string, unknown> }>(
      payouts,
      platformA,
      ADD_EXTERNAL,
      {
        account: accountId,
        card: VISA_DEBIT,
      },
    );
    expect(card.data?.createExternalAccount).toMatchObject({
      kind: 'card',
      brand: 'visa',
      last4: '5556',
      defaultForCurrency: false,
      availablePayoutMethods: ['standard', 'instant'],
    });
    const again = await callAs<{ createExternalAccount: { fingerprint: string } }>(
      payouts,
      platformA,
      ADD_EXTERNAL,
      {
        account: accountId,
        bank: US_BANK,
      },
    );
    expect(again.data?.createExternalAccount.fingerprint).toBe(
      (bank.data?.createExternalAccount as { fingerprint: string }).fingerprint,
    );
    const stored = JSON.stringify(
      await payouts.dataSource.query('SELECT * FROM external_accounts'),
    );
    expect(stored).not.toContain('000123456789');
    expect(stored).not.toContain('4000056655665556');
  });

  it('keeps fingerprints comparable through a key rotation, and unguessable without the key', async () => {
    const accountId = await newFundedAccount(0, null);
    const added = await callAs<{ createExternalAccount: { fingerprint: string } }>(
      payouts,
      platformA,
      ADD_EXTERNAL,
      { account: accountId, bank: US_BANK },
    );
    const fingerprint = added.data!.createExternalAccount.fingerprint;
    const bank = validateBankAccount(US_BANK);
    const destination = {
      kind: 'bank_account' as const,
      country: bank.country,
      routingNumber: bank.normalized.routingNumber,
      number: bank.normalized.accountNumber,
    };
    // A new root first (current for signing and sealing): fingerprints do not move.
    const rotated = keyRing(
      'k2:the-next-root-secret-of-thirty-two-chars',
      `k1:${TEST_INTERNAL_SECRET}`,
    );
    expect(bankFingerprint(rotated, destination)).toBe(fingerprint);
    // Someone with the table but another key cannot confirm a guessed account number.
    expect(
      bankFingerprint(keyRing('k1:a-guessed-secret-of-thirty-two-chars!'), destination),
    ).not.toBe(fingerprint);
  });

  it('names the field that is wrong, and refuses another platform’s account', async () => {
    const accountId = await newFundedAccount(0, null);
    const bad = await callAs(payouts, platformA, ADD_EXTERNAL, {
      account: accountId,
      bank: { ...US_BANK, routingNumber: '110000001' },
    });
    expect(extensionsOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'routingNumber' });
    const foreign = await callAs(payouts, platformB, ADD_EXTERNAL, {
      account: accountId,
      bank: US_BANK,
    });
    expect(extensionsOf(foreign)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('onboarding’s first bank account', () => {
  const ADD_ONBOARDING = `mutation($input: BankAccountInput!) {
    addOnboardingBankAccount(input: $input) { id currency }
  }`;
  const GB_BANK = {
    country: 'GB',
    currency: 'gbp',
    accountHolderName: 'Amy Jones',
    accountNumber: 'GB82WEST12345698765432',
  };
  const onboardingOf = (accountId: string): Caller => ({
    kind: 'onboarding',
    accountId,
    platformId: 'plat_a',
    livemode: false,
    sessionId: `sess_${accountId}`,
    accountLinkId: `link_${accountId}`,
  });
  const countDestinations = async (accountId: string) =>
    Number(
      (
        (await payouts.dataSource.query(
          'SELECT COUNT(*) AS n FROM external_accounts WHERE account_id = ?',
          [accountId],
        )) as Array<{ n: number | string }>
      )[0]!.n,
    );

  it('is refused to a dashboard session: a new bank account there needs the code', async () => {
    const accountId = await newFundedAccount(0, null);
    const refused = await callAs(payouts, asAccount(accountId), ADD_ONBOARDING, {
      input: US_BANK,
    });
    expect(extensionsOf(refused)).toMatchObject({ code: 'FORBIDDEN', reason: 'ONBOARDING_ONLY' });
    expect(await countDestinations(accountId)).toBe(0);
  });

  it('20 parallel onboarding calls in two currencies add exactly one first bank account', async () => {
    const accountId = await newFundedAccount(0, null);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callAs<{ addOnboardingBankAccount: { id: string } }>(
          payouts,
          onboardingOf(accountId),
          ADD_ONBOARDING,
          { input: i % 2 ? GB_BANK : US_BANK },
        ),
      ),
    );
    expect(results.filter((r) => r.data?.addOnboardingBankAccount).length).toBe(1);
    for (const refused of results.filter((r) => r.errors))
      expect(extensionsOf(refused)).toMatchObject({ reason: 'BANK_ACCOUNT_EXISTS' });
    expect(await countDestinations(accountId)).toBe(1);
  });

  it('12 accounts onboarding at once, with the same bank details, each get their bank account', async () => {
    const accountIds = await Promise.all(
      Array.from({ length: 12 }, () => newFundedAccount(0, null)),
    );
    const results = await Promise.all(
      accountIds.map((accountId) =>
        callAs<{ addOnboardingBankAccount: { id: string } }>(
          payouts,
          onboardingOf(accountId),
          ADD_ONBOARDING,
          { input: US_BANK },
        ),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    for (const accountId of accountIds) expect(await countDestinations(accountId)).toBe(1);
  });

  it('20 parallel onboarding calls for a second currency are all refused', async () => {
    const accountId = await newFundedAccount(0, US_BANK);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callAs(payouts, onboardingOf(accountId), ADD_ONBOARDING, { input: GB_BANK }),
      ),
    );
    for (const refused of results)
      expect(extensionsOf(refused)).toMatchObject({ reason: 'BANK_ACCOUNT_EXISTS' });
    expect(await countDestinations(accountId)).toBe(1);
  });
});

describe('payouts', () => {
  it('100 simultaneous payouts against a balance that covers 10: exactly 10, never below zero', async () => {
    const accountId = await newFundedAccount(10 * 1_000);
    const results = await Promise.all(Array.from({ length: 100 }, () => payOut(accountId, 1_000)));
    const made = results.filter((result) => result.data?.createPayout);
    const refused = results.filter((result) => result.errors);
    expect(made).toHaveLength(10);
    expect(refused.map((result) => extensionsOf(result)?.reason)).toEqual(
      Array(90).fill('INSUFFICIENT_FUNDS'),
    );
    expect(await available(accountId)).toBe(0);
    const [rows] = (await payouts.dataSource.query(
      'SELECT COUNT(*) AS n FROM payouts WHERE account_id = ?',
      [accountId],
    )) as Array<{ n: string }>;
    expect(Number(rows!.n)).toBe(10);
    // Nothing half-written: every refused request freed its key.
    const [left] = (await payouts.dataSource.query(
      "SELECT COUNT(*) AS n FROM idempotency_keys WHERE state = 'started'",
    )) as Array<{ n: string }>;
    expect(Number(left!.n)).toBe(0);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it('is idempotent: the same key returns the first payout; other parameters are a conflict', async () => {
    const accountId = await newFundedAccount(5_000);
    const key = newKey();
    const [first, second] = await Promise.all([
      payOut(accountId, 1_500, key),
      payOut(accountId, 1_500, key),
    ]);
    expect(second.data?.createPayout.id).toBe(first.data?.createPayout.id);
    expect(await available(accountId)).toBe(3_500);
    const other = await payOut(accountId, 1_600, key);
    expect(extensionsOf(other)).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('goes pending → in transit → paid, with an expected arrival on a business day', async () => {
    const accountId = await newFundedAccount(2_000);
    const made = (await payOut(accountId, 2_000)).data!.createPayout;
    expect(made).toMatchObject({
      status: 'pending',
      fee: 0,
      automatic: false,
      destination: { last4: '6789' },
    });
    expect([0, 6]).not.toContain(new Date(made.arrivalDate).getUTCDay());
    await app.lifecycle.advance();
    expect((await payoutRow(made.id))[0]!.status).toBe('paid');
    const events = (await payouts.dataSource.query(
      'SELECT type FROM outbox_events WHERE account_id = ? ORDER BY occurred_at, type',
      [accountId],
    )) as Array<{ type: string }>;
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'external_account.updated',
        'payout.created',
        'payout.upcoming',
        'payout.paid',
      ]),
    );
  });

  it('a failed payout returns the money with a payout_failure transaction, once', async () => {
    const failures = () =>
      scrapeMetric(payouts.url, 'dash_payout_failures_total', { code: 'no_account' });
    const failuresBefore = await failures();
    const accountId = await newFundedAccount(3_000, FAILING_US_BANK);
    const made = (await payOut(accountId, 3_000)).data!.createPayout;
    expect(await available(accountId)).toBe(0);
    await app.lifecycle.advance();
    await app.lifecycle.advance();
    await app.lifecycle.advance();
    const [row] = await payoutRow(made.id);
    expect(row).toMatchObject({ status: 'failed', failure_code: 'no_account' });
    // Counted once, however often the lifecycle looks at the payout again.
    expect(await failures()).toBe(failuresBefore + 1);
    expect(row!.returned_at).not.toBeNull();
    expect(await available(accountId)).toBe(3_000);
    const reversals = (await ledger.dataSource.query(
      "SELECT type, net FROM balance_transactions WHERE source_id = ? AND type = 'payout_failure'",
      [made.id],
    )) as Array<{ type: string; net: string }>;
    expect(reversals.map((r) => Number(r.net))).toEqual([3_000]);
    const [destination] = (await payouts.dataSource.query(
      'SELECT status FROM external_accounts WHERE id = ?',
      [made.destination.id],
    )) as Array<{ status: string }>;
    expect(destination!.status).toBe('errored');
  });

  it('a pending payout can be canceled and its money comes back; one on its way cannot', async () => {
    const accountId = await newFundedAccount(4_000);
    const made = (await payOut(accountId, 4_000)).data!.createPayout;
    const cancel = `mutation($a: ID!, $p: ID!) { cancelPayout(account: $a, payout: $p) { id status } }`;
    const canceled = await callAs<{ cancelPayout: { status: string } }>(
      payouts,
      platformA,
      cancel,
      {
        a: accountId,
        p: made.id,
      },
    );
    expect(canceled.data?.cancelPayout.status).toBe('canceled');
    expect(await available(accountId)).toBe(4_000);
    const moving = (await payOut(accountId, 1_000)).data!.createPayout;
    await app.lifecycle.advance();
    const late = await callAs(payouts, platformA, cancel, { a: accountId, p: moving.id });
    expect(extensionsOf(late)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'PAYOUT_NOT_CANCELABLE',
    });
  });

  it('is claimed before it is sent: 8 workers advancing at once hand each payout to the rail once', async () => {
    const accountId = await newFundedAccount(5_000);
    const made = await Promise.all(
      [1_000, 1_500, 2_500].map(
        async (amount) => (await payOut(accountId, amount)).data!.createPayout,
      ),
    );
    await Promise.all(Array.from({ length: 8 }, () => app.lifecycle.advance()));
    for (const payout of made) {
      expect(app.rail.timesSent(payout.id)).toBe(1);
      expect((await payoutRow(payout.id))[0]!.status).toMatch(/^(in_transit|paid)$/);
    }
    const upcoming = (await payouts.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE account_id = ? AND type = 'payout.upcoming'",
      [accountId],
    )) as Array<{ n: number | string }>;
    expect(Number(upcoming[0]!.n)).toBe(3);
  });

  it('cancel racing the send: one wins, and the money comes back at most once', async () => {
    const cancel = `mutation($a: ID!, $p: ID!) { cancelPayout(account: $a, payout: $p) { id status } }`;
    for (let round = 0; round < 3; round += 1) {
      const accountId = await newFundedAccount(6_000);
      const made = (await payOut(accountId, 6_000)).data!.createPayout;
      const [cancels] = await Promise.all([
        Promise.all(
          Array.from({ length: 10 }, () =>
            callAs<{ cancelPayout: { status: string } }>(payouts, platformA, cancel, {
              a: accountId,
              p: made.id,
            }),
          ),
        ),
        Promise.all(Array.from({ length: 4 }, () => app.lifecycle.advance())),
      ]);
      await app.lifecycle.returnFunds();
      const canceled = cancels.filter((r) => r.data?.cancelPayout.status === 'canceled').length;
      const sent = app.rail.timesSent(made.id);
      // Exactly one of the two ways out: canceled once and never sent, or sent once and every
      // cancel refused.
      expect(canceled + sent).toBe(1);
      for (const refused of cancels.filter((r) => r.errors))
        expect(extensionsOf(refused)).toMatchObject({ reason: 'PAYOUT_NOT_CANCELABLE' });
      const reversals = (await ledger.dataSource.query(
        "SELECT net FROM balance_transactions WHERE source_id = ? AND type = 'payout_cancel'",
        [made.id],
      )) as Array<{ net: string }>;
      expect(reversals.map((r) => Number(r.net))).toEqual(canceled ? [6_000] : []);
      expect(await available(accountId)).toBe(canceled ? 6_000 : 0);
    }
  });

  it('instant payouts go to a debit card for 1% (at least the minimum), on top of the amount', async () => {
    const accountId = await newFundedAccount(20_000);
    const noCard = await callAs(
      payouts,
      asAccount(accountId),
      'mutation($i: PayoutInput!, $k: String!) { payOut(input: $i, idempotencyKey: $k) { id } }',
      {
        i: { amount: 10_000, currency: 'usd', method: 'instant' },
        k: newKey(),
      },
    );
    expect(extensionsOf(noCard)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'NO_EXTERNAL_ACCOUNT',
    });
    await callAs(payouts, platformA, ADD_EXTERNAL, { account: accountId, card: VISA_DEBIT });
    const instant = await callAs<{ payOut: PayoutResult }>(
      payouts,
      asAccount(accountId),
      'mutation($i: PayoutInput!, $k: String!) { payOut(input: $i, idempotencyKey: $k) { id amount fee method arrivalDate destination { kind last4 } } }',
      { i: { amount: 10_000, currency: 'usd', method: 'instant' }, k: newKey() },
    );
    expect(instant.data?.payOut).toMatchObject({
      amount: 10_000,
      fee: 100,
      destination: { kind: 'card', last4: '5556' },
    });
    expect(await available(accountId)).toBe(20_000 - 10_100);
    const tooMuch = await callAs(
      payouts,
      asAccount(accountId),
      'mutation($i: PayoutInput!, $k: String!) { payOut(input: $i, idempotencyKey: $k) { id } }',
      {
        i: { amount: 9_900, currency: 'usd', method: 'instant' },
        k: newKey(),
      },
    );
    expect(extensionsOf(tooMuch)).toMatchObject({ reason: 'INSUFFICIENT_FUNDS', available: 9_900 });
  });

  it('finishes a request the ledger could not be reached for, once, when it can', async () => {
    const accountId = await newFundedAccount(6_000);
    const cutOff = payoutsInstance(payouts, {
      ...env,
      DASH_LEDGER_URL: 'http://127.0.0.1:9/graphql',
    });
    const owner = { accountId, platformId: 'plat_a', livemode: false };
    const order = {
      currency: 'usd',
      amount: 6_000,
      method: 'standard' as never,
      automatic: false,
      requestedBy: 'platform' as const,
    };
    await expect(cutOff.requests.create(owner, order, 'redrive-me', 'test')).rejects.toMatchObject({
      extensions: { code: 'UNAVAILABLE' },
    });
    expect(await available(accountId)).toBe(6_000);
    expect(await app.requests.redrive(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    expect(await available(accountId)).toBe(0);
    // The same request again finds it done: no second payout.
    const replay = await app.requests.create(owner, order, 'redrive-me', 'test');
    const [count] = (await payouts.dataSource.query(
      'SELECT COUNT(*) AS n FROM payouts WHERE account_id = ?',
      [accountId],
    )) as Array<{ n: string }>;
    expect(Number(count!.n)).toBe(1);
    expect(replay.amount).toBe(6_000);
  });
});

describe('payout quotes', () => {
  const QUOTE = `query($account: ID, $amount: SafeInt!, $currency: String!, $method: PayoutMethod!) {
    payoutQuote(accountId: $account, amount: $amount, currency: $currency, method: $method) {
      amount fee net currency method arrivalDate destination { id kind bankName brand last4 }
    }
  }`;
  type Quote = {
    amount: number;
    fee: number;
    net: number;
    currency: string;
    method: string;
    arrivalDate: string;
    destination: { id: string; kind: string; last4: string };
  };
  const quote = (caller: Caller, variables: Record<string, unknown>) =>
    callAs<{ payoutQuote: Quote }>(payouts, caller, QUOTE, { currency: 'usd', ...variables });

  it('for a platform: what createPayout then makes, fee, destination and arrival alike', async () => {
    const accountId = await newFundedAccount(20_000);
    await callAs(payouts, platformA, ADD_EXTERNAL, { account: accountId, card: VISA_DEBIT });
    const standard = await quote(platformA, {
      account: accountId,
      amount: 2_000,
      method: 'standard',
    });
    expect(standard.errors).toBeUndefined();
    const made = (await payOut(accountId, 2_000)).data!.createPayout;
    expect(standard.data?.payoutQuote).toEqual({
      amount: 2_000,
      fee: 0,
      net: 2_000,
      currency: 'usd',
      method: 'standard',
      arrivalDate: made.arrivalDate,
      destination: { ...made.destination, bankName: 'Simulated Bank', brand: null },
    });
    const instant = await quote(platformA, {
      account: accountId,
      amount: 10_000,
      method: 'instant',
    });
    const paid = (await payOut(accountId, 10_000, newKey(), { method: 'instant' })).data!
      .createPayout;
    expect(instant.data?.payoutQuote).toMatchObject({
      amount: 10_000,
      fee: paid.fee,
      net: 10_000 + paid.fee,
      method: 'instant',
      destination: { id: paid.destination.id, kind: 'card', last4: '5556', brand: 'visa' },
    });
    expect(paid.fee).toBe(100);
    // A quote moves no money.
    expect(await available(accountId)).toBe(20_000 - 2_000 - 10_100);
  });

  it('for the signed-in account: its own payouts, with or without its id', async () => {
    const accountId = await newFundedAccount(5_000);
    const own = await quote(asAccount(accountId), { amount: 1_000, method: 'standard' });
    expect(own.data?.payoutQuote).toMatchObject({
      amount: 1_000,
      fee: 0,
      net: 1_000,
      destination: { kind: 'bank_account', last4: '6789' },
    });
    const named = await quote(asAccount(accountId), {
      account: accountId,
      amount: 1_000,
      method: 'standard',
    });
    expect(named.data?.payoutQuote).toEqual(own.data?.payoutQuote);
  });

  it("refuses another tenant's account, and a platform that names none", async () => {
    const accountId = await newFundedAccount(5_000);
    const sibling = await newFundedAccount(0);
    const otherPlatform = await quote(platformB, {
      account: accountId,
      amount: 1_000,
      method: 'standard',
    });
    expect(extensionsOf(otherPlatform)).toMatchObject({ code: 'NOT_FOUND' });
    const otherAccount = await quote(asAccount(sibling), {
      account: accountId,
      amount: 1_000,
      method: 'standard',
    });
    expect(extensionsOf(otherAccount)).toMatchObject({ code: 'NOT_FOUND' });
    const unnamed = await quote(platformA, { amount: 1_000, method: 'standard' });
    expect(extensionsOf(unnamed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    const anonymous = await payouts.query(QUOTE, {
      amount: 1_000,
      currency: 'usd',
      method: 'standard',
    });
    expect(extensionsOf(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses instant without a debit card as payOut does', async () => {
    const accountId = await newFundedAccount(5_000);
    const quoted = await quote(asAccount(accountId), { amount: 1_000, method: 'instant' });
    const paid = await callAs(
      payouts,
      asAccount(accountId),
      'mutation($i: PayoutInput!, $k: String!) { payOut(input: $i, idempotencyKey: $k) { id } }',
      { i: { amount: 1_000, currency: 'usd', method: 'instant' }, k: newKey() },
    );
    expect(extensionsOf(quoted)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'NO_EXTERNAL_ACCOUNT',
    });
    // The same refusal, each naming its own request.
    expect({ ...extensionsOf(quoted), requestId: undefined }).toEqual({
      ...extensionsOf(paid),
      requestId: undefined,
    });
    expect(quoted.errors?.[0]?.message).toBe(paid.errors?.[0]?.message);
  });
});

describe('one payout key claimed by runs that interleave', () => {
  /** A gate a run waits at, opened by the test. */
  const latch = () => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };

  /**
   * Payout requests over this service's database and the real ledger, where the n-th debit
   * asked for says it arrived (the run has read or made its claim) and waits to be let through.
   */
  function interleaved(runs: number) {
    const arrived = Array.from({ length: runs }, latch);
    const proceed = Array.from({ length: runs }, latch);
    let debits = 0;
    const ledgerInTurn = {
      debit: async (request: PayoutDebitRequest) => {
        const turn = debits++;
        arrived[turn]!.open();
        await proceed[turn]!.opened;
        return app.ledger.debit(request);
      },
    };
    const requests = new PayoutRequests(
      payouts.dataSource,
      ledgerInTurn,
      app.externalAccounts,
      app.schedules,
      app.directory,
      app.config,
      app.keys,
    );
    return { requests, arrived, proceed };
  }
  const order = {
    currency: 'usd',
    amount: 1_500,
    method: PayoutMethod.standard,
    automatic: false,
    requestedBy: 'platform' as const,
  };
  const startedClaims = (key: string) =>
    payouts.dataSource.query(
      "SELECT result_id FROM idempotency_keys WHERE idempotency_key = ? AND state = 'started'",
      [key],
    ) as Promise<Array<{ result_id: string }>>;

  it('a run that read the claim before a refused run freed it still turns its debit into a payout', async () => {
    const accountId = await newFundedAccount(1_000);
    const account = { accountId, platformId: 'plat_a', livemode: false };
    const key = newKey();
    const { requests, arrived, proceed } = interleaved(2);
    const refused = requests.create(account, order, key, 'race');
    await arrived[0]!.opened;
    const carried = requests.create(account, order, key, 'race');
    await arrived[1]!.opened;
    // The first run is refused (1,000 does not cover 1,500) and frees the key...
    proceed[0]!.open();
    await expect(refused).rejects.toMatchObject({ extensions: { reason: 'INSUFFICIENT_FUNDS' } });
    expect(await startedClaims(key)).toEqual([]);
    // ...while the second, carrying the same plan, finds the balance covering it.
    await transferTo(accountId, 1_000);
    proceed[1]!.open();
    const payout = await carried;
    expect(payout).toMatchObject({ amount: 1_500, status: 'pending' });
    expect(await payoutRow(payout.id)).toHaveLength(1);
    expect(await available(accountId)).toBe(500);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it("a refused run frees only its own plan's claim, not a newer one of the same key", async () => {
    const accountId = await newFundedAccount(1_000);
    const account = { accountId, platformId: 'plat_a', livemode: false };
    const key = newKey();
    const { requests, arrived, proceed } = interleaved(3);
    const first = requests.create(account, order, key, 'race');
    await arrived[0]!.opened;
    const late = requests.create(account, order, key, 'race');
    await arrived[1]!.opened;
    proceed[0]!.open();
    await expect(first).rejects.toMatchObject({ extensions: { reason: 'INSUFFICIENT_FUNDS' } });
    // The key is free: a new request claims it with a plan of its own.
    const renewed = requests.create(account, order, key, 'race');
    await arrived[2]!.opened;
    const [claim] = await startedClaims(key);
    // The late run of the first plan is refused too, and must leave the new claim alone.
    proceed[1]!.open();
    await expect(late).rejects.toMatchObject({ extensions: { reason: 'INSUFFICIENT_FUNDS' } });
    expect(await startedClaims(key)).toEqual([claim]);
    await transferTo(accountId, 1_000);
    proceed[2]!.open();
    expect((await renewed).id).toBe(claim!.result_id);
    expect(await available(accountId)).toBe(500);
  });
});

describe('capabilities gate payouts', () => {
  /** An account identity reports with payouts off (something due, or never onboarded). */
  async function accountWithPayoutsOff(funds: number): Promise<string> {
    const accountId = `acct_held_${randomBytes(6).toString('hex')}`;
    for (const service of [ledger, payouts])
      await service.dataSource.transaction((manager) =>
        rememberAccount(
          manager,
          { accountId, platformId: 'plat_a', livemode: false },
          { chargesEnabled: true, payoutsEnabled: false },
        ),
      );
    await transferTo(accountId, funds);
    const added = await callAs(payouts, platformA, ADD_EXTERNAL, {
      account: accountId,
      bank: US_BANK,
    });
    expect(added.errors).toBeUndefined();
    return accountId;
  }
  const payoutsOf = async (accountId: string) =>
    Number(
      (
        (await payouts.dataSource.query('SELECT COUNT(*) AS n FROM payouts WHERE account_id = ?', [
          accountId,
        ])) as Array<{ n: number | string }>
      )[0]!.n,
    );

  it('refuses 20 platform payouts and 20 "pay out now" at once while payouts are off', async () => {
    const accountId = await accountWithPayoutsOff(10_000);
    const attempts = await Promise.all([
      ...Array.from({ length: 20 }, () => payOut(accountId, 100)),
      ...Array.from({ length: 20 }, () =>
        callAs(
          payouts,
          asAccount(accountId),
          'mutation($i: PayoutInput!, $k: String!) { payOut(input: $i, idempotencyKey: $k) { id } }',
          { i: { amount: 100, currency: 'usd' }, k: newKey() },
        ),
      ),
    ]);
    for (const attempt of attempts)
      expect(extensionsOf(attempt)).toMatchObject({
        code: 'FAILED_PRECONDITION',
        reason: 'ACCOUNT_PAYOUTS_DISABLED',
      });
    expect(await payoutsOf(accountId)).toBe(0);
    expect(await available(accountId)).toBe(10_000);
  });

  it('the automatic run holds while payouts are off, and pays once they are back', async () => {
    const accountId = await accountWithPayoutsOff(4_000);
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 3 * 24 * 3600 * 1000), accountId],
    );
    const log = createLogger('scheduler-test', 'silent');
    const run = () =>
      runAutomaticPayouts(payouts.dataSource, app.requests, app.schedules.defaultRule, log);
    await run();
    expect(await payoutsOf(accountId)).toBe(0);
    expect(await available(accountId)).toBe(4_000);
    // Identity's account.updated: the requirements are met again.
    await payouts.dataSource.transaction((manager) =>
      keepCapabilities(
        {
          accountId,
          platformId: 'plat_a',
          livemode: false,
          occurredAt: new Date().toISOString(),
          data: {
            requirements: { chargesEnabled: true, payoutsEnabled: true, currentDeadline: null },
          },
        },
        manager,
      ),
    );
    await expect
      .poll(
        async () => {
          await run();
          return payoutsOf(accountId);
        },
        { timeout: 7_000, interval: 500 },
      )
      .toBe(1);
    expect(await available(accountId)).toBe(0);
  });
});

describe('automatic payouts', () => {
  it('pay what is past the rolling delay, once per period, however many schedulers run', async () => {
    const accountId = await newFundedAccount(7_500);
    // That money came in three days ago; another 1,000 today, which the 2-day delay holds back.
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 3 * 24 * 3600 * 1000), accountId],
    );
    await transferTo(accountId, 1_000);
    const daily = await callAs<{ updatePayoutSchedule: { interval: string; delayDays: number } }>(
      payouts,
      platformA,
      'mutation($a: ID!) { updatePayoutSchedule(account: $a, input: { interval: daily, timeZone: "Asia/Tokyo" }) { interval delayDays } }',
      { a: accountId },
    );
    expect(daily.data?.updatePayoutSchedule).toEqual({ interval: 'daily', delayDays: 2 });
    const second = payoutsInstance(payouts, { ...env, REDIS_URL: 'redis://127.0.0.1:6379' });
    const log = createLogger('scheduler-test', 'silent');
    await Promise.all([
      runAutomaticPayouts(payouts.dataSource, app.requests, app.schedules.defaultRule, log),
      runAutomaticPayouts(payouts.dataSource, second.requests, second.schedules.defaultRule, log),
      runAutomaticPayouts(payouts.dataSource, app.requests, app.schedules.defaultRule, log),
    ]);
    const made = (await payouts.dataSource.query(
      'SELECT id, amount, automatic FROM payouts WHERE account_id = ?',
      [accountId],
    )) as Array<{ id: string; amount: string; automatic: number }>;
    expect(made).toHaveLength(1);
    expect(Number(made[0]!.amount)).toBe(7_500);
    expect(await available(accountId)).toBe(1_000);
    // It lists what it paid out: the transfer of three days ago, not today's.
    const paidOut = await callAs<{
      _entities: Array<{ balanceTransactions: { nodes: Array<{ type: string; net: number }> } }>;
    }>(
      ledger,
      platformA,
      'query($reps: [_Any!]!, $p: ID!) { _entities(representations: $reps) { ... on Account { balanceTransactions(first: 10, filter: { payout: $p }) { nodes { type net } } } } }',
      { ...accountReference(accountId), p: made[0]!.id },
    );
    expect(paidOut.data?._entities[0]?.balanceTransactions.nodes).toEqual([
      { type: 'transfer', net: 7_500 },
    ]);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it('refuses a schedule that does not make sense, naming the field', async () => {
    const accountId = await newFundedAccount(0);
    const weekly = await callAs(
      payouts,
      platformA,
      'mutation($a: ID!) { updatePayoutSchedule(account: $a, input: { interval: weekly }) { interval } }',
      {
        a: accountId,
      },
    );
    expect(extensionsOf(weekly)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weeklyAnchor' });
    const zone = await callAs(
      payouts,
      platformA,
      'mutation($a: ID!) { updatePayoutSchedule(account: $a, input: { timeZone: "Mars/Olympus" }) { interval } }',
      {
        a: accountId,
      },
    );
    expect(extensionsOf(zone)).toMatchObject({ field: 'timeZone' });
  });
});
