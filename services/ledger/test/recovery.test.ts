import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RECOVERIES_DUE_PATH,
  RECOVERY_COVER_PATH,
  RECOVERY_DEBIT_FAILED_PATH,
  RECOVERY_DEBIT_PATH,
  RECOVERY_DEBIT_SETTLED_PATH,
  type LedgerMovement,
  type RecoveriesDue,
  type RecoveryCover,
} from '@dash/contracts';
import { DashError } from '@dash/subgraph';
import type { TestService } from '@dash/subgraph/testing';
import { Balances } from '../src/account/balances.service.js';
import { NegativeBalanceWatch } from '../src/negative-balance/negative-balance-watch.service.js';
import {
  balanceOf,
  command,
  DAY,
  expectLedgerHolds,
  fund,
  knownAccounts,
  payOut,
  settledCharges,
  startLedger,
  uniqueId,
  withdrawForDispute,
} from './support.js';

let service: TestService;
let watch: NegativeBalanceWatch;

const asPayouts = <T>(path: string, body: object) => command<T>(service, 'payouts', path, body);

async function owingAccount(): Promise<{ accountId: string; owed: number }> {
  const accountId = uniqueId('acct_rec').slice(0, 30);
  await knownAccounts(service, [{ id: accountId, platformId: 'plat_a' }]);
  const [paid] = await settledCharges(service, accountId, 1_000);
  await withdrawForDispute(service, paid!.id, { amount: 1_000, fee: 1_500 });
  return { accountId, owed: -(await balanceOf(service, accountId)).available };
}

const debitOf = (accountId: string, amount: number, attempt = 1, id = uniqueId('rdebit')) => ({
  recoveryDebitId: id,
  attempt,
  accountId,
  platformId: 'plat_a',
  livemode: false,
  currency: 'usd',
  amount,
  description: 'Negative balance recovered from Simulated Bank •••• 6789',
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: DashError) => error.extensions,
  );

beforeAll(async () => {
  service = await startLedger([]);
  watch = new NegativeBalanceWatch(service.dataSource, new Balances(service.dataSource));
});
afterAll(() => service.close());

describe('recovering a negative balance', () => {
  it('is due after the recovery days, until a debit is pending', async () => {
    const { accountId, owed } = await owingAccount();
    await watch.pass();
    const dueAt = (at: number) =>
      asPayouts<RecoveriesDue>(RECOVERIES_DUE_PATH, {
        at: new Date(at).toISOString(),
        limit: 500,
      }).then(({ due }) => due.filter((each) => each.accountId === accountId));
    expect(await dueAt(Date.now())).toEqual([]);
    expect(await dueAt(Date.now() + 8 * DAY)).toEqual([
      expect.objectContaining({ accountId, amount: owed, currency: 'usd', livemode: false }),
    ]);
    await asPayouts(RECOVERY_DEBIT_PATH, debitOf(accountId, owed));
    expect(await dueAt(Date.now() + 8 * DAY)).toEqual([]);
  });

  it('posts each attempt once, however many times it is asked; settled, the balance is made good', async () => {
    const { accountId, owed } = await owingAccount();
    const debit = debitOf(accountId, owed);
    const started = await Promise.all(
      Array.from({ length: 15 }, () => asPayouts<LedgerMovement>(RECOVERY_DEBIT_PATH, debit)),
    );
    expect(new Set(started.map((each) => each.balanceTransactionId)).size).toBe(1);
    expect(started[0]!.amount).toBe(owed);
    // Pending: shown as such, not yet making the balance good, not paid out.
    expect(await balanceOf(service, accountId)).toMatchObject({ available: -owed, pending: owed });
    const outcome = { recoveryDebitId: debit.recoveryDebitId, attempt: 1, description: 'Settled' };
    const settled = await Promise.all(
      Array.from({ length: 10 }, () =>
        asPayouts<LedgerMovement>(RECOVERY_DEBIT_SETTLED_PATH, outcome),
      ),
    );
    expect(new Set(settled.map((each) => each.balanceTransactionId)).size).toBe(1);
    expect(await balanceOf(service, accountId)).toMatchObject({ available: 0, pending: 0 });
    expect(await refusal(asPayouts(RECOVERY_DEBIT_FAILED_PATH, outcome))).toMatchObject({
      reason: 'RECOVERY_DEBIT_SETTLED',
    });
    await watch.pass();
    const { due } = await asPayouts<RecoveriesDue>(RECOVERIES_DUE_PATH, {
      at: new Date(Date.now() + 30 * DAY).toISOString(),
      limit: 500,
    });
    expect(due.map((each) => each.accountId)).not.toContain(accountId);
    await expectLedgerHolds(service);
  });

  it('gives a failed attempt’s money back, and takes the next attempt only after it', async () => {
    const { accountId, owed } = await owingAccount();
    const first = debitOf(accountId, owed);
    const second = { ...first, attempt: 2 };
    expect(await refusal(asPayouts(RECOVERY_DEBIT_PATH, second))).toMatchObject({
      reason: 'RECOVERY_ATTEMPT_OUT_OF_ORDER',
    });
    await asPayouts(RECOVERY_DEBIT_PATH, first);
    expect(await refusal(asPayouts(RECOVERY_DEBIT_PATH, second))).toMatchObject({
      reason: 'RECOVERY_ATTEMPT_OUT_OF_ORDER',
    });
    const failed = {
      recoveryDebitId: first.recoveryDebitId,
      attempt: 1,
      description: 'No account',
    };
    const [a, b] = await Promise.all([
      asPayouts<LedgerMovement>(RECOVERY_DEBIT_FAILED_PATH, failed),
      asPayouts<LedgerMovement>(RECOVERY_DEBIT_FAILED_PATH, failed),
    ]);
    expect(a).toEqual(b);
    expect(a.amount).toBe(-owed);
    expect(await balanceOf(service, accountId)).toMatchObject({ available: -owed, pending: 0 });
    expect(await refusal(asPayouts(RECOVERY_DEBIT_SETTLED_PATH, failed))).toMatchObject({
      reason: 'RECOVERY_DEBIT_FAILED',
    });
    await asPayouts(RECOVERY_DEBIT_PATH, second);
    await asPayouts(RECOVERY_DEBIT_SETTLED_PATH, { ...failed, attempt: 2 });
    expect((await balanceOf(service, accountId)).available).toBe(0);
    // The failed pair nets to nothing, the settled attempt is the account's: a payout of
    // everything available leaves nothing behind.
    await fund(service, accountId, 1_000);
    await payOut(service, { accountId, amount: 'available', automatic: true });
    expect((await balanceOf(service, accountId)).available).toBe(0);
    await expectLedgerHolds(service);
  });

  it('has the platform cover what is still owed, no more, once; nothing when nothing is', async () => {
    const { accountId, owed } = await owingAccount();
    // Money arrives meanwhile: 400 of it is made good.
    await fund(service, accountId, 400);
    const cover = { ...debitOf(accountId, owed), attempt: undefined, description: 'Covered' };
    const covered = await Promise.all(
      Array.from({ length: 10 }, () => asPayouts<RecoveryCover>(RECOVERY_COVER_PATH, cover)),
    );
    expect(new Set(covered.map((each) => each.balanceTransactionId)).size).toBe(1);
    expect(covered[0]!.amount).toBe(owed - 400);
    expect((await balanceOf(service, accountId)).available).toBe(0);

    const paidUp = await owingAccount();
    await fund(service, paidUp.accountId, paidUp.owed + 1);
    expect(
      await refusal(
        asPayouts(RECOVERY_COVER_PATH, {
          ...cover,
          recoveryDebitId: uniqueId('rdebit'),
          accountId: paidUp.accountId,
        }),
      ),
    ).toMatchObject({ reason: 'NOTHING_OWED' });
    // Never more than the debit was for.
    const bigger = await owingAccount();
    const capped = await asPayouts<RecoveryCover>(RECOVERY_COVER_PATH, {
      ...cover,
      recoveryDebitId: uniqueId('rdebit'),
      accountId: bigger.accountId,
      amount: 100,
    });
    expect(capped.amount).toBe(100);
    await expectLedgerHolds(service);
  });

  it('takes commands only from the payouts service, well formed', async () => {
    const { accountId, owed } = await owingAccount();
    await expect(
      command(service, 'disputes', RECOVERY_DEBIT_PATH, debitOf(accountId, owed)),
    ).rejects.toThrow();
    for (const bad of [
      { ...debitOf(accountId, owed), amount: -5 },
      { ...debitOf(accountId, owed), attempt: 0 },
      { ...debitOf(accountId, owed), currency: 'USD' },
      { ...debitOf(accountId, owed), amount: 1.5 },
    ])
      expect(await refusal(asPayouts(RECOVERY_DEBIT_PATH, bad))).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    expect((await balanceOf(service, accountId)).pending).toBe(0);
  });
});
