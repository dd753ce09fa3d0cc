import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashError } from '@dash/subgraph';
import { accountCaller, type TestService } from '@dash/subgraph/testing';
import { ledgerInvariants } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  balanceOf as balanceIn,
  charge,
  DAY,
  newKey,
  payOut,
  platformA,
  REFUND,
  settledCharges,
  settledTopUp,
  startLedger,
} from './support.js';

/**
 * A seller colluding with a buyer: take a payment, pay it all out, then refund it from the
 * dashboard. The account may refund only what its own money covers; the platform may refund
 * into the negative, its own choice.
 */
let service: TestService;
const balanceOf = (accountId: string) => balanceIn(service, accountId);
const settledPayments = async (accountId: string, amount: number, count = 1) =>
  (await settledCharges(service, accountId, amount, count)).map((payment) => payment.id);
/** An instant payout of `amount` to the account's card, with its fee on top. */
const drain = (accountId: string, amount: number, fee = 0) =>
  payOut(service, {
    accountId,
    amount,
    fee,
    description: 'Instant payout to debit card •••• 4242',
  });
const topUp = (accountId: string, amount: number) => settledTopUp(service, accountId, amount);

/** The account's own refund from its dashboard: the refund, or the refusal's extensions. */
async function refundFromDashboard(accountId: string, payment: string, key = newKey()) {
  const response = await service.query<{ refundPayment: { id: string; amount: number } }>(
    'mutation($p: ID!, $k: String!) { refundPayment(payment: $p, idempotencyKey: $k) { id amount } }',
    { p: payment, k: key },
    accountCaller(accountId, 'plat_a'),
  );
  return response.data?.refundPayment ?? { refused: response.errors?.[0]?.extensions };
}

const refusalOf = (answer: Awaited<ReturnType<typeof refundFromDashboard>>) =>
  'refused' in answer ? answer.refused?.reason : undefined;

async function refundedOf(chargeId: string): Promise<number> {
  const [row] = (await service.dataSource.query(
    'SELECT amount_refunded FROM charges WHERE id = ?',
    [chargeId],
  )) as Array<{ amount_refunded: string }>;
  return Number(row!.amount_refunded);
}

beforeAll(async () => {
  service = await startLedger([
    'acct_drained',
    'acct_platform',
    'acct_twenty',
    'acct_racing',
    'acct_fresh',
  ]);
});
afterAll(() => service.close());

describe('refunds an account makes from its dashboard', () => {
  it('paid out in full, the account cannot refund the payment; the same key works once a top-up covers it', async () => {
    const [payment] = await settledPayments('acct_drained', 10_000);
    const { available } = await balanceOf('acct_drained');
    expect(available).toBe(9_680);
    await drain('acct_drained', available - 150, 150);
    const drained = await balanceOf('acct_drained');
    expect(drained).toEqual({ available: 0, pending: 0, reserve: 0 });

    const key = newKey();
    expect(await refundFromDashboard('acct_drained', payment!, key)).toEqual({
      refused: expect.objectContaining({
        code: 'FAILED_PRECONDITION',
        reason: 'INSUFFICIENT_FUNDS',
        field: 'amount',
        fundable: 0,
      }),
    });
    // Nothing moved: no refund, the balance is where the payout left it.
    expect(await balanceOf('acct_drained')).toEqual(drained);
    expect(await refundedOf(payment!)).toBe(0);
    const invariants = await ledgerInvariants(service.dataSource);
    expect(invariants.ok).toBe(true);

    // The account funds it itself: a top-up that settles into its reserve.
    await topUp('acct_drained', 10_000);
    expect(await refundFromDashboard('acct_drained', payment!, key)).toMatchObject({
      amount: 10_000,
    });
    expect(await balanceOf('acct_drained')).toEqual({ available: 0, pending: 0, reserve: 0 });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('the platform may still refund a paid-out payment, into the negative', async () => {
    const [payment] = await settledPayments('acct_platform', 10_000);
    await drain('acct_platform', 9_680);
    expect(refusalOf(await refundFromDashboard('acct_platform', payment!))).toBe(
      'INSUFFICIENT_FUNDS',
    );
    const response = await service.query<{ createRefund: { amount: number } }>(
      REFUND,
      { input: { charge: payment }, key: newKey() },
      platformA,
    );
    expect(response.data?.createRefund.amount).toBe(10_000);
    expect(await balanceOf('acct_platform')).toEqual({
      available: -10_000,
      pending: 0,
      reserve: 0,
    });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('20 parallel refunds of different payments against funds that cover 3: exactly 3 go through', async () => {
    const payments = await settledPayments('acct_twenty', 5_000, 20);
    const { available } = await balanceOf('acct_twenty');
    expect(available).toBe(20 * 4_825);
    // Left: 12,000 available and 4,000 in the reserve — three refunds of 5,000, not four.
    await drain('acct_twenty', available - 12_000);
    await topUp('acct_twenty', 4_000);

    const answers = await Promise.all(
      payments.map((payment) => refundFromDashboard('acct_twenty', payment)),
    );
    const refunded = answers.filter((answer) => 'id' in answer);
    expect(refunded).toHaveLength(3);
    expect(answers.filter((answer) => 'refused' in answer).map(refusalOf)).toEqual(
      Array(17).fill('INSUFFICIENT_FUNDS'),
    );
    const refundedTotal = (await Promise.all(payments.map(refundedOf))).reduce((a, b) => a + b);
    expect(refundedTotal).toBe(15_000);
    // The reserve went first, then the available balance, which never went below zero.
    expect(await balanceOf('acct_twenty')).toEqual({ available: 1_000, pending: 0, reserve: 0 });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('refunds racing payouts of the same money: together they never take more than there is', async () => {
    const payments = await settledPayments('acct_racing', 5_000, 10);
    await drain('acct_racing', (await balanceOf('acct_racing')).available - 15_000);
    const [refunds, payoutsTried] = await Promise.all([
      Promise.all(payments.map((payment) => refundFromDashboard('acct_racing', payment))),
      Promise.allSettled(Array.from({ length: 5 }, () => drain('acct_racing', 15_000))),
    ]);
    const refunded = refunds.filter((answer) => 'id' in answer).length * 5_000;
    const paidOut = payoutsTried.filter((tried) => tried.status === 'fulfilled').length * 15_000;
    // Either one payout took it all (no refund came first), or three refunds did and left no
    // payout room: never both.
    expect(refunded + paidOut).toBe(15_000);
    expect(new Set(refunds.filter((answer) => 'refused' in answer).map(refusalOf))).toEqual(
      new Set(['INSUFFICIENT_FUNDS']),
    );
    for (const tried of payoutsTried)
      if (tried.status === 'rejected')
        expect((tried.reason as DashError).extensions.reason).toBe('INSUFFICIENT_FUNDS');
    expect((await balanceOf('acct_racing')).available).toBe(15_000 - refunded - paidOut);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('refunds a still-pending payment in full with nothing else in the account', async () => {
    const made = await charge(service, { account: 'acct_fresh', amount: 10_000 });
    const payment = made.data!.createCharge;
    expect(payment.balanceTransaction?.status).toBe('pending');
    expect(await refundFromDashboard('acct_fresh', payment.id)).toMatchObject({ amount: 10_000 });
    expect(await balanceOf('acct_fresh')).toEqual({
      available: -10_000,
      pending: 9_680,
      reserve: 0,
    });
    // Once it settles, the account owes only the fees a refund does not return.
    await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
    expect(await balanceOf('acct_fresh')).toEqual({ available: -320, pending: 0, reserve: 0 });
    // And nothing more: with the balance below zero, a settled payment's refund is refused.
    const [settled] = await settledPayments('acct_fresh', 1_000);
    expect(refusalOf(await refundFromDashboard('acct_fresh', settled!))).toBe('INSUFFICIENT_FUNDS');
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });
});
