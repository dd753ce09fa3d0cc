import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSURE_CHECK_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  type ClosureCheckResponse,
} from '@dash/contracts';
import { Balances, ledgerInvariants, ledgerService, NegativeBalanceWatch } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import { callService, SimulatedDebitRail } from '@dash/subgraph';
import {
  accountReference,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { payoutsService } from '../src/index.js';
import { RecoveryLedgerClient } from '../src/recovery/recovery-ledger-client.service.js';
import { RecoveryLifecycle } from '../src/recovery/recovery-lifecycle.service.js';
import {
  asAccount,
  callAs,
  knownAccounts,
  newKey,
  platformA,
  platformB,
  US_BANK,
} from './support.js';

const DAY = 24 * 3600 * 1000;
const SETTLE_MS = 1_000;

let ledger: TestService;
let payouts: TestService;
let watch: NegativeBalanceWatch;
/** The clock of the payouts chore and its simulated bank. */
let clock = Date.now();
const now = () => new Date(clock);

/** A chore as one payouts worker runs it (each test run may make many, side by side). */
const chore = () =>
  new RecoveryLifecycle(
    payouts.dataSource,
    new RecoveryLedgerClient(ledger.url, TEST_SECRET_KEYS.for('payouts')),
    new SimulatedDebitRail({ settleMs: SETTLE_MS }, now),
    { backoffMs: DAY },
    createLogger('recovery-test', 'silent'),
    now,
  );
const pass = () => chore().run();

const ADD_BANK = `mutation($account: ID!, $bank: BankAccountInput) {
  createExternalAccount(account: $account, bankAccount: $bank) { id }
}`;

async function ledgerCall(query: string, variables: Record<string, unknown>) {
  const response = await callAs<Record<string, unknown>>(ledger, platformA, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const available = async (accountId: string) => {
  const data = (await ledgerCall(
    'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balances { available pending } } } }',
    accountReference(accountId),
  )) as { _entities: Array<{ balances: Array<{ available: number; pending: number }> }> };
  return data._entities[0]!.balances[0]!;
};

/** A payment of `amount` for the account, available at once (no settling delay here). */
const pay = (accountId: string, amount: number) =>
  ledgerCall(
    'mutation($input: ChargeInput!, $key: String!) { createCharge(input: $input, idempotencyKey: $key) { id } }',
    { input: { account: accountId, amount, currency: 'usd' }, key: newKey() },
  ) as Promise<{ createCharge: { id: string } }>;

/**
 * A fresh account of plat_a with a bank account ending in `bankNumber` (none with null) whose
 * balance a dispute took below zero, as the watch of negative balances has seen it.
 */
async function owingAccount(bankNumber: string | null = US_BANK.accountNumber) {
  const accountId = `acct_rec_${randomBytes(6).toString('hex')}`;
  await knownAccounts([ledger, payouts], [accountId]);
  if (bankNumber) {
    const added = await callAs(payouts, platformA, ADD_BANK, {
      account: accountId,
      bank: { ...US_BANK, accountNumber: bankNumber },
    });
    expect(added.errors).toBeUndefined();
  }
  const paid = await pay(accountId, 1_000);
  await callService(
    new URL(DISPUTE_WITHDRAWAL_PATH, ledger.url),
    {
      disputeId: `dp_${randomBytes(8).toString('hex')}`,
      chargeId: paid.createCharge.id,
      platformId: 'plat_a',
      livemode: false,
      amount: 1_000,
      fee: 1_500,
      description: 'Dispute',
    },
    { service: 'disputes', audience: 'ledger', secret: TEST_SECRET_KEYS.for('disputes') },
  );
  await watch.pass(new Date());
  const owed = -(await available(accountId)).available;
  expect(owed).toBeGreaterThan(0);
  return { accountId, owed };
}

interface Row {
  id: string;
  status: string;
  attempt: number;
  amount: string;
  covered_amount: string | null;
  failure_code: string | null;
  next_attempt_at: Date | null;
  open_key: string | null;
}
const debitsOf = (accountId: string) =>
  payouts.dataSource.query(
    'SELECT * FROM recovery_debits WHERE account_id = ? ORDER BY created_at',
    [accountId],
  ) as Promise<Row[]>;

const eventsOf = async (accountId: string) =>
  (
    (await payouts.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'recovery_debit.updated' AND account_id = ? ORDER BY id",
      [accountId],
    )) as Array<{ data: string }>
  ).map((row) => {
    const { data } = JSON.parse(row.data) as {
      data: { status: string; attempt: number; failureCode?: string };
    };
    return `${data.status}:${data.attempt}${data.failureCode ? `:${data.failureCode}` : ''}`;
  });

/** What payouts answers identity's question before the account closes. */
const closureBlockers = async (accountId: string) =>
  (
    await callService<ClosureCheckResponse>(
      new URL(CLOSURE_CHECK_PATH, payouts.url),
      { accountId, platformId: 'plat_a', livemode: false },
      { service: 'identity', audience: 'payouts', secret: TEST_SECRET_KEYS.for('identity') },
    )
  ).blockers.map((blocker) => blocker.reason);

const advance = (ms: number) => {
  clock += ms;
};

const expectLedgerHolds = async () =>
  expect(await ledgerInvariants(ledger.dataSource)).toMatchObject({ ok: true });

beforeAll(async () => {
  ledger = await startTestService(ledgerService, {
    DASH_AVAILABLE_DELAY_DAYS: '0',
    DASH_NEGATIVE_BALANCE_WATCH_MS: '3600000',
  });
  payouts = await startTestService(payoutsService, {
    DASH_LEDGER_URL: ledger.url,
    // The tests run the chores themselves.
    DASH_PAYOUT_TICK_MS: '3600000',
    DASH_AUTOMATIC_PAYOUTS_EVERY_MS: '3600000',
    DASH_RECOVERY_EVERY_MS: '3600000',
  });
  watch = new NegativeBalanceWatch(ledger.dataSource, new Balances(ledger.dataSource));
  await watch.pass(new Date());
});
afterAll(async () => {
  await payouts?.close();
  await ledger?.close();
});

describe('recovering negative balances from the bank', () => {
  it('starts one debit after the recovery days, whatever the parallel chores; settled, the balance is zero', async () => {
    clock = Date.now();
    const { accountId, owed } = await owingAccount();
    advance(6 * DAY);
    await Promise.all(Array.from({ length: 20 }, pass));
    expect(await debitsOf(accountId)).toEqual([]);
    advance(DAY + 60_000);
    await Promise.all(Array.from({ length: 20 }, pass));
    const [debit, ...more] = await debitsOf(accountId);
    expect(more).toEqual([]);
    expect(debit).toMatchObject({ status: 'pending', attempt: 1, amount: String(owed) });
    expect(await available(accountId)).toEqual({ available: -owed, pending: owed });
    // The balance totals zero while the debit is in flight, yet the account may not close.
    expect(await closureBlockers(accountId)).toEqual(['RECOVERY_IN_PROGRESS']);
    advance(SETTLE_MS);
    await Promise.all(Array.from({ length: 20 }, pass));
    expect(await debitsOf(accountId)).toEqual([
      expect.objectContaining({ status: 'succeeded', open_key: null }),
    ]);
    expect(await available(accountId)).toEqual({ available: 0, pending: 0 });
    expect(await eventsOf(accountId)).toEqual(['pending:1', 'succeeded:1']);
    expect(await closureBlockers(accountId)).toEqual([]);
    // Made good: nothing more is started, now or after the watch has looked again.
    await pass();
    await watch.pass(new Date());
    await pass();
    expect(await debitsOf(accountId)).toHaveLength(1);
    await expectLedgerHolds();
  });

  it('retries a refused debit with backoff; after three tries the platform covers exactly what is owed', async () => {
    clock = Date.now() + 8 * DAY;
    const { accountId, owed } = await owingAccount('000111111116');
    await pass();
    advance(SETTLE_MS);
    await Promise.all(Array.from({ length: 10 }, pass));
    let [debit] = await debitsOf(accountId);
    expect(debit).toMatchObject({ status: 'retrying', attempt: 1, failure_code: 'no_account' });
    expect(new Date(debit!.next_attempt_at!).getTime()).toBe(clock + DAY);
    expect(await available(accountId)).toEqual({ available: -owed, pending: 0 });
    // Not before its time.
    advance(DAY - 1);
    await pass();
    expect((await debitsOf(accountId))[0]!.attempt).toBe(1);
    advance(1);
    await Promise.all(Array.from({ length: 10 }, pass));
    advance(SETTLE_MS);
    await Promise.all(Array.from({ length: 10 }, pass));
    [debit] = await debitsOf(accountId);
    expect(debit).toMatchObject({ status: 'retrying', attempt: 2 });
    expect(new Date(debit!.next_attempt_at!).getTime()).toBe(clock + 2 * DAY);
    advance(2 * DAY);
    await Promise.all(Array.from({ length: 10 }, pass));
    advance(SETTLE_MS);
    await Promise.all(Array.from({ length: 10 }, pass));
    expect(await debitsOf(accountId)).toEqual([
      expect.objectContaining({
        status: 'uncollectible',
        attempt: 3,
        covered_amount: String(owed),
        open_key: null,
      }),
    ]);
    expect(await available(accountId)).toEqual({ available: 0, pending: 0 });
    expect(await eventsOf(accountId)).toEqual([
      'pending:1',
      'retrying:1:no_account',
      'pending:2:no_account',
      'retrying:2:no_account',
      'pending:3:no_account',
      'uncollectible:3:no_account',
    ]);
    await expectLedgerHolds();
  });

  it('covers only what is still owed when money arrived meanwhile, and nothing once it is all made good', async () => {
    clock = Date.now() + 8 * DAY;
    const part = await owingAccount('000222222227');
    const whole = await owingAccount('000222222227');
    await pass();
    for (const step of [SETTLE_MS, DAY, SETTLE_MS, 2 * DAY]) {
      advance(step);
      await pass();
    }
    // Before the last try fails, payments come in: one makes good part, the other all.
    await pay(part.accountId, 500);
    await pay(whole.accountId, 5_000);
    const partOwed = -(await available(part.accountId)).available;
    expect(partOwed).toBeGreaterThan(0);
    advance(SETTLE_MS);
    await Promise.all(Array.from({ length: 10 }, pass));
    expect(await debitsOf(part.accountId)).toEqual([
      expect.objectContaining({
        status: 'uncollectible',
        failure_code: 'insufficient_funds',
        covered_amount: String(partOwed),
      }),
    ]);
    expect(await debitsOf(whole.accountId)).toEqual([
      expect.objectContaining({ status: 'uncollectible', covered_amount: '0', open_key: null }),
    ]);
    expect((await available(part.accountId)).available).toBe(0);
    await expectLedgerHolds();
  });

  it('goes straight to uncollectible without a bank account in the currency', async () => {
    clock = Date.now() + 8 * DAY;
    const { accountId, owed } = await owingAccount(null);
    await Promise.all(Array.from({ length: 10 }, pass));
    expect(await debitsOf(accountId)).toEqual([
      expect.objectContaining({
        status: 'uncollectible',
        failure_code: 'no_bank_account',
        covered_amount: String(owed),
      }),
    ]);
    expect(await eventsOf(accountId)).toEqual(['uncollectible:1:no_bank_account']);
  });

  it('shows the debits to the account and its platform only', async () => {
    clock = Date.now() + 8 * DAY;
    const { accountId } = await owingAccount();
    await pass();
    const ACCOUNT_DEBITS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Account { recoveryDebits { id status amount currency attempt destination nextAttemptAt createdAt } } } }`;
    const seenBy = async (caller: Parameters<typeof callAs>[1]) =>
      (
        await callAs<{ _entities: Array<{ recoveryDebits: Array<Record<string, unknown>> }> }>(
          payouts,
          caller,
          ACCOUNT_DEBITS,
          accountReference(accountId),
        )
      ).data?._entities[0]?.recoveryDebits ?? [];
    expect(await seenBy(platformA)).toEqual([
      expect.objectContaining({
        status: 'pending',
        currency: 'usd',
        destination: 'Simulated Bank •••• 6789',
      }),
    ]);
    expect(await seenBy(asAccount(accountId))).toHaveLength(1);
    expect(await seenBy(platformB)).toEqual([]);
    expect(await seenBy(asAccount('acct_someone_else'))).toEqual([]);

    const LIST = `query($filter: RecoveryDebitFilterInput, $first: Int, $after: String) {
      recoveryDebits(filter: $filter, first: $first, after: $after) {
        nodes { id status account { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      recoveryDebits: {
        nodes: Array<{ id: string; status: string; account: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const list = (caller: Parameters<typeof callAs>[1], variables: Record<string, unknown>) =>
      callAs<Page>(payouts, caller, LIST, variables);
    const mine = await list(platformA, { filter: { account: accountId } });
    expect(mine.data!.recoveryDebits.nodes).toEqual([
      expect.objectContaining({ status: 'pending', account: { id: accountId } }),
    ]);
    const uncollectible = await list(platformA, { filter: { status: 'uncollectible' }, first: 1 });
    expect(uncollectible.data!.recoveryDebits.pageInfo.hasNextPage).toBe(true);
    const next = await list(platformA, {
      filter: { status: 'uncollectible' },
      first: 1,
      after: uncollectible.data!.recoveryDebits.pageInfo.endCursor,
    });
    expect(next.data!.recoveryDebits.nodes[0]!.id).not.toBe(
      uncollectible.data!.recoveryDebits.nodes[0]!.id,
    );
    // Another platform, the live mode of this one, an account: nothing, or refused.
    expect((await list(platformB, {})).data!.recoveryDebits.nodes).toEqual([]);
    expect(
      (await list({ ...platformA, livemode: true } as typeof platformA, {})).data?.recoveryDebits
        .nodes ?? [],
    ).toEqual([]);
    expect((await list(asAccount(accountId), {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A cursor of another platform's list is refused.
    const cross = await list(platformB, {
      after: uncollectible.data!.recoveryDebits.pageInfo.endCursor,
    });
    expect(cross.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await list(platformA, { first: 1000 })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
