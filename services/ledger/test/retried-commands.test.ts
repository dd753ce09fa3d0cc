import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPUTE_INQUIRY_CLOSED_PATH,
  DISPUTE_INQUIRY_PATH,
  DISPUTE_REINSTATEMENT_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  PAYOUT_DEBIT_PATH,
  PAYOUT_REVERSAL_PATH,
  RESERVE_TOPUP_FAILED_PATH,
  RESERVE_TOPUP_PATH,
  RESERVE_TOPUP_SETTLED_PATH,
} from '@dash/contracts';
import { DashError } from '@dash/subgraph';
import type { TestService } from '@dash/subgraph/testing';
import { ledgerInvariants } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  balanceOf as balanceIn,
  command,
  DAY,
  fund,
  settledCharges,
  startLedger,
} from './support.js';

let service: TestService;
const call = <T = Record<string, unknown>>(
  caller: 'disputes' | 'payouts',
  path: string,
  body: object,
) => command<T>(service, caller, path, body);
const balanceOf = (accountId: string, currency = 'usd') => balanceIn(service, accountId, currency);

/** What an idempotency key's expiry (or a lost key) leaves: only the effect itself. */
const forgetKeys = () => service.dataSource.query('DELETE FROM idempotency_keys');

/**
 * A command whose effect has landed, tried again: twice, ten times in parallel, and once more
 * after its idempotency key is gone — always the first answer, and nothing moved again.
 */
async function expectRetriesAnswerTheSame<T>(first: T, again: () => Promise<T>) {
  const before = await ledgerInvariants(service.dataSource);
  const transactions = async () =>
    Number(
      (
        (await service.dataSource.query('SELECT COUNT(*) AS n FROM balance_transactions')) as [
          { n: string },
        ]
      )[0].n,
    );
  const count = await transactions();
  expect(await again()).toEqual(first);
  expect(await Promise.all(Array.from({ length: 10 }, again))).toEqual(Array(10).fill(first));
  await forgetKeys();
  expect(await again()).toEqual(first);
  expect(await Promise.all(Array.from({ length: 10 }, again))).toEqual(Array(10).fill(first));
  expect(await transactions()).toBe(count);
  expect((await ledgerInvariants(service.dataSource)).ok).toBe(before.ok);
}

const settledCharge = async (accountId: string, amount: number) =>
  (await settledCharges(service, accountId, amount))[0]!.id;

beforeAll(async () => {
  service = await startLedger(['acct_retry', 'acct_topup', 'acct_huge']);
});
afterAll(() => service.close());

describe('a command tried again after its effect landed answers with that effect', () => {
  it('a dispute’s withdrawal, even once the whole payment is disputed and its key is gone', async () => {
    const chargeId = await settledCharge('acct_retry', 5_000);
    const request = {
      disputeId: 'dp_retried',
      chargeId,
      platformId: 'plat_a',
      livemode: false,
      amount: 5_000,
      fee: 1_500,
      description: 'Dispute',
    };
    const first = await call('disputes', DISPUTE_WITHDRAWAL_PATH, request);
    // Nothing of the payment is left to dispute now: a fresh look would refuse it.
    await expectRetriesAnswerTheSame(first, () =>
      call('disputes', DISPUTE_WITHDRAWAL_PATH, request),
    );
    // Parameters that drifted between tries (a description reworded) still find it.
    expect(
      await call('disputes', DISPUTE_WITHDRAWAL_PATH, { ...request, description: 'Reworded' }),
    ).toEqual(first);
    // Another dispute of the same payment is not a retry.
    await expect(
      call('disputes', DISPUTE_WITHDRAWAL_PATH, { ...request, disputeId: 'dp_other' }),
    ).rejects.toSatisfy(
      (error) => error instanceof DashError && error.extensions.reason === 'ALREADY_DISPUTED',
    );
  });

  it('a won dispute’s reinstatement, and an inquiry’s registration', async () => {
    const chargeId = await settledCharge('acct_retry', 4_000);
    const taken = await call<{ balanceTransactionId: string }>(
      'disputes',
      DISPUTE_WITHDRAWAL_PATH,
      {
        disputeId: 'dp_won_retried',
        chargeId,
        platformId: 'plat_a',
        livemode: false,
        amount: 4_000,
        fee: 1_500,
        description: 'Dispute',
      },
    );
    const request = {
      disputeId: 'dp_won_retried',
      balanceTransactionId: taken.balanceTransactionId,
      returnFee: false,
      description: 'Won',
    };
    const back = await call('disputes', DISPUTE_REINSTATEMENT_PATH, request);
    await expectRetriesAnswerTheSame(back, () =>
      call('disputes', DISPUTE_REINSTATEMENT_PATH, request),
    );
    // The fee rule changed between tries: still the one reinstatement it made.
    expect(
      await call('disputes', DISPUTE_REINSTATEMENT_PATH, { ...request, returnFee: true }),
    ).toEqual(back);

    const inquiryCharge = await settledCharge('acct_retry', 3_000);
    const inquiry = {
      disputeId: 'dp_inquiry_retried',
      chargeId: inquiryCharge,
      platformId: 'plat_a',
      livemode: false,
      amount: 3_000,
    };
    const registered = await call('disputes', DISPUTE_INQUIRY_PATH, inquiry);
    await expectRetriesAnswerTheSame(registered, () =>
      call('disputes', DISPUTE_INQUIRY_PATH, inquiry),
    );
    const closed = await call('disputes', DISPUTE_INQUIRY_CLOSED_PATH, {
      disputeId: 'dp_inquiry_retried',
    });
    expect(closed).toEqual({ disputeId: 'dp_inquiry_retried', chargeId: inquiryCharge });
    await expectRetriesAnswerTheSame(closed, () =>
      call('disputes', DISPUTE_INQUIRY_CLOSED_PATH, { disputeId: 'dp_inquiry_retried' }),
    );
    // The inquiry's registration, tried again after it closed, does not reopen it.
    expect(await call('disputes', DISPUTE_INQUIRY_PATH, inquiry)).toEqual(registered);
    const [row] = (await service.dataSource.query(
      'SELECT dispute_status FROM charges WHERE id = ?',
      [inquiryCharge],
    )) as Array<{ dispute_status: string }>;
    expect(row!.dispute_status).toBe('warning_closed');
  });

  it('a payout’s debit, even once the balance it took is gone, and its reversal', async () => {
    await fund(service, 'acct_retry', 2_000);
    const available = (await balanceOf('acct_retry')).available;
    const debit = {
      payoutId: 'po_retried',
      accountId: 'acct_retry',
      platformId: 'plat_a',
      livemode: false,
      currency: 'usd',
      amount: available,
      fee: 0,
      automatic: false,
      description: 'Payout',
    };
    const paid = await call<{ balanceTransactionId: string }>('payouts', PAYOUT_DEBIT_PATH, debit);
    // The balance is empty now: a fresh look would refuse with INSUFFICIENT_FUNDS.
    await expectRetriesAnswerTheSame(paid, () => call('payouts', PAYOUT_DEBIT_PATH, debit));
    const reversal = {
      payoutId: 'po_retried',
      balanceTransactionId: paid.balanceTransactionId,
      reason: 'payout_failure',
      description: 'Payout failed',
    };
    const returned = await call('payouts', PAYOUT_REVERSAL_PATH, reversal);
    await expectRetriesAnswerTheSame(returned, () =>
      call('payouts', PAYOUT_REVERSAL_PATH, reversal),
    );
    expect((await balanceOf('acct_retry')).available).toBe(available);
  });
});

describe('a reserve top-up in the ledger', () => {
  const topup = (topupId: string, amount: number, accountId = 'acct_topup', currency = 'usd') => ({
    topupId,
    accountId,
    platformId: 'plat_a',
    livemode: false,
    amount,
    currency,
    description: 'Top-up',
  });

  it('is pending until its debit settles, then in the reserve; each step once', async () => {
    const pending = await call('disputes', RESERVE_TOPUP_PATH, topup('tu_settles', 2_000));
    await expectRetriesAnswerTheSame(pending, () =>
      call('disputes', RESERVE_TOPUP_PATH, topup('tu_settles', 2_000)),
    );
    expect(await balanceOf('acct_topup')).toMatchObject({ pending: 2_000, reserve: 0 });
    // The release job does not make it available: only the bank does.
    await releaseDue(service.dataSource, new Date(Date.now() + 30 * DAY));
    expect(await balanceOf('acct_topup')).toMatchObject({ pending: 2_000, reserve: 0 });
    const outcome = { topupId: 'tu_settles', description: 'Settled' };
    const settled = await call('disputes', RESERVE_TOPUP_SETTLED_PATH, outcome);
    await expectRetriesAnswerTheSame(settled, () =>
      call('disputes', RESERVE_TOPUP_SETTLED_PATH, outcome),
    );
    expect(await balanceOf('acct_topup')).toMatchObject({ pending: 0, reserve: 2_000 });
    await expect(call('disputes', RESERVE_TOPUP_FAILED_PATH, outcome)).rejects.toSatisfy(
      (error) => error instanceof DashError && error.extensions.reason === 'TOPUP_SETTLED',
    );
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('a failed debit leaves the balance as it was', async () => {
    const before = await balanceOf('acct_topup');
    await call('disputes', RESERVE_TOPUP_PATH, topup('tu_fails', 3_000));
    expect((await balanceOf('acct_topup')).pending).toBe(before.pending + 3_000);
    const outcome = { topupId: 'tu_fails', description: 'Debit failed' };
    const reversed = await call('disputes', RESERVE_TOPUP_FAILED_PATH, outcome);
    await expectRetriesAnswerTheSame(reversed, () =>
      call('disputes', RESERVE_TOPUP_FAILED_PATH, outcome),
    );
    expect(await balanceOf('acct_topup')).toEqual(before);
    await expect(call('disputes', RESERVE_TOPUP_SETTLED_PATH, outcome)).rejects.toSatisfy(
      (error) => error instanceof DashError && error.extensions.reason === 'TOPUP_FAILED',
    );
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('refuses what would take a balance past 2^53 − 1, however it is split', async () => {
    const half = 2 ** 52;
    // A currency of its own, so the shared accounts of the other tests stay small.
    await call('disputes', RESERVE_TOPUP_PATH, topup('tu_huge1', half, 'acct_huge', 'sek'));
    const parallel = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        call('disputes', RESERVE_TOPUP_PATH, topup(`tu_huge_p${n}`, half, 'acct_huge', 'sek')),
      ),
    );
    expect(parallel.filter((answer) => answer.status === 'fulfilled')).toHaveLength(0);
    for (const answer of parallel)
      expect(answer.status === 'rejected' && answer.reason).toSatisfy(
        (error) => error instanceof DashError && error.extensions.reason === 'AMOUNT_OVERFLOW',
      );
    expect((await balanceOf('acct_huge', 'sek')).pending).toBe(half);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });
});
