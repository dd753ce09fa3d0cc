import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_REINSTATEMENT_PATH, type LedgerMovement } from '@dash/contracts';
import { DashError } from '@dash/subgraph';
import { accountReference, type TestService } from '@dash/subgraph/testing';
import { ledgerInvariants } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  balanceOf as balanceIn,
  charge,
  command,
  DAY,
  newKey,
  platformA,
  REFUND,
  settledCharges,
  settledTopUp,
  startLedger,
  withdrawForDispute,
} from './support.js';

let service: TestService;
const withdraw = (chargeId: string, request: Parameters<typeof withdrawForDispute>[2] = {}) =>
  withdrawForDispute(service, chargeId, request);
const topUp = (accountId: string, amount: number) => settledTopUp(service, accountId, amount);
const balanceOf = (accountId: string) => balanceIn(service, accountId);
const settledCharge = async (accountId: string, amount: number) =>
  (await settledCharges(service, accountId, amount))[0]!;

beforeAll(async () => {
  service = await startLedger(['acct_lost', 'acct_won', 'acct_refunds']);
});
afterAll(() => service.close());

describe('disputes in the ledger', () => {
  it('draws the reserve first, then the balance below zero; the next payment makes it good', async () => {
    await topUp('acct_lost', 1_000);
    const paid = await charge(service, { account: 'acct_lost', amount: 10_000 });
    expect(await balanceOf('acct_lost')).toMatchObject({
      available: 0,
      pending: 9_680,
      reserve: 1_000,
    });
    const taken = await withdraw(paid.data!.createCharge.id);
    expect(taken).toMatchObject({ amount: -3_000, fee: 1_500 });
    // 4,500 owed: 1,000 from the reserve, 3,500 from an available balance that had nothing.
    expect(await balanceOf('acct_lost')).toMatchObject({
      available: -3_500,
      pending: 9_680,
      reserve: 0,
    });
    const status = await service.query<{ _entities: Array<{ payment: { status: string } }> }>(
      'query($reps: [_Any!]!, $id: ID!) { _entities(representations: $reps) { ... on Account { payment(id: $id) { status } } } }',
      { ...accountReference('acct_lost'), id: paid.data!.createCharge.id },
      platformA,
    );
    expect(status.data!._entities[0]!.payment.status).toBe('disputed');
    // The payment settles: it makes up the negative balance first.
    await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
    expect(await balanceOf('acct_lost')).toMatchObject({ available: 9_680 - 3_500, pending: 0 });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('gives a won dispute’s amount back (the fee only where the rules say), once', async () => {
    const paid = await settledCharge('acct_won', 10_000);
    const taken = await withdraw(paid.id, { disputeId: 'dp_won', amount: 10_000 });
    expect((await balanceOf('acct_won')).available).toBe(9_680 - 11_500);
    const reinstate = (returnFee: boolean) =>
      command<LedgerMovement>(service, 'disputes', DISPUTE_REINSTATEMENT_PATH, {
        disputeId: 'dp_won',
        balanceTransactionId: taken.balanceTransactionId,
        returnFee,
        description: 'Dispute won',
      });
    const [back, again] = await Promise.all([reinstate(false), reinstate(false)]);
    expect(again).toEqual(back);
    expect(back.amount).toBe(10_000);
    expect((await balanceOf('acct_won')).available).toBe(9_680 - 1_500);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('refuses to dispute more than is left of the payment, and a payment of another platform', async () => {
    const paid = await settledCharge('acct_won', 2_000);
    await expect(withdraw(paid.id, { amount: 2_001 })).rejects.toSatisfy(
      (error) => error instanceof DashError && error.extensions.reason === 'NOT_DISPUTABLE',
    );
    await expect(withdraw(paid.id, { platformId: 'plat_b' })).rejects.toSatisfy(
      (error) => error instanceof DashError && error.extensions.code === 'NOT_FOUND',
    );
  });

  it('refunds come from the reserve first too', async () => {
    const paid = await settledCharge('acct_refunds', 10_000);
    await topUp('acct_refunds', 2_000);
    const refund = await service.query(
      REFUND,
      { input: { charge: paid.id, amount: 1_500 }, key: newKey() },
      platformA,
    );
    expect(refund.errors).toBeUndefined();
    expect(await balanceOf('acct_refunds')).toMatchObject({ available: 9_680, reserve: 500 });
    await service.query(
      REFUND,
      { input: { charge: paid.id, amount: 1_000 }, key: newKey() },
      platformA,
    );
    expect(await balanceOf('acct_refunds')).toMatchObject({ available: 9_180, reserve: 0 });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });
});
