import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPUTE_REINSTATEMENT_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  RESERVE_TOPUP_PATH,
  RESERVE_TOPUP_SETTLED_PATH,
  type DisputeWithdrawalRequest,
  type LedgerMovement,
} from '@dash/contracts';
import { callService, DashError } from '@dash/subgraph';
import {
  accountReference,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { ledgerInvariants, ledgerService } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import { BALANCES, charge, knownAccounts, newKey, platformA, REFUND } from './support.js';

let service: TestService;
let ids = 0;
const DAY = 24 * 3600 * 1000;
const asDisputes = { service: 'disputes', audience: 'ledger', secret: TEST_SECRET_KEYS };
const call = <T>(path: string, body: object) =>
  callService<T>(new URL(path, service.url), body, asDisputes);

const withdraw = (chargeId: string, request: Partial<DisputeWithdrawalRequest> = {}) =>
  call<LedgerMovement>(DISPUTE_WITHDRAWAL_PATH, {
    disputeId: `dp_test${(ids += 1)}`,
    chargeId,
    platformId: 'plat_a',
    livemode: false,
    amount: 3_000,
    fee: 1_500,
    description: 'Dispute',
    ...request,
  });
/** A top-up whose bank debit settled at once: in the reserve. */
async function topUp(accountId: string, amount: number) {
  const topupId = `tu_test${(ids += 1)}`;
  await call<LedgerMovement>(RESERVE_TOPUP_PATH, {
    topupId,
    accountId,
    platformId: 'plat_a',
    livemode: false,
    amount,
    currency: 'usd',
    description: 'Top-up from bank account',
  });
  return call<LedgerMovement>(RESERVE_TOPUP_SETTLED_PATH, { topupId, description: 'Settled' });
}

type Balance = { available: number; pending: number; reserve: number };
async function balanceOf(accountId: string): Promise<Balance> {
  const response = await service.query<{ _entities: Array<{ balances: Balance[] }> }>(
    BALANCES,
    accountReference(accountId),
    platformA,
  );
  return response.data!._entities[0]!.balances[0] ?? { available: 0, pending: 0, reserve: 0 };
}

/** A settled charge of `amount` for the account: its net is available. */
async function settledCharge(accountId: string, amount: number) {
  const made = await charge(service, { account: accountId, amount });
  await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
  return made.data!.createCharge;
}

beforeAll(async () => {
  service = await startTestService(ledgerService);
  await knownAccounts(service, [
    { id: 'acct_lost', platformId: 'plat_a' },
    { id: 'acct_won', platformId: 'plat_a' },
    { id: 'acct_refunds', platformId: 'plat_a' },
  ]);
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
      call<LedgerMovement>(DISPUTE_REINSTATEMENT_PATH, {
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
