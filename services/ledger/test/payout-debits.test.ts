import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAYOUT_DEBIT_PATH,
  PAYOUT_REVERSAL_PATH,
  RESERVE_TOPUP_FAILED_PATH,
  RESERVE_TOPUP_PATH,
  RESERVE_TOPUP_SETTLED_PATH,
  type PayoutDebit,
  type PayoutDebitRequest,
} from '@dash/contracts';
import { DashError } from '@dash/subgraph';
import { accountReference, type TestService } from '@dash/subgraph/testing';
import { ledgerInvariants } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  ada,
  balanceOf,
  BALANCES,
  charge,
  command,
  settledCharges,
  settledTopUp,
  withdrawForDispute,
  DAY,
  fund as fundFrom,
  payOut,
  platformA,
  startLedger,
} from './support.js';

let service: TestService;

const debit = (request: Partial<PayoutDebitRequest>) => payOut(service, request);
const reverse = (payoutId: string, balanceTransactionId: string) =>
  command<PayoutDebit>(service, 'payouts', PAYOUT_REVERSAL_PATH, {
    payoutId,
    balanceTransactionId,
    reason: 'payout_failure',
    description: 'Payout failed',
  });
const available = async (accountId = 'acct_ada') => (await balanceOf(service, accountId)).available;
const fund = (accountId: string, amount: number) => fundFrom(service, accountId, amount);

const refusal = (error: unknown) =>
  error instanceof DashError ? (error.extensions as Record<string, unknown>) : { error };

beforeAll(async () => {
  service = await startLedger(['acct_ada', 'acct_many', 'acct_reserved', 'acct_drawn']);
});
afterAll(() => service.close());

describe('payout debits', () => {
  it('100 simultaneous payouts against a balance that covers 10: exactly 10, never below zero', async () => {
    await fund('acct_many', 10 * 2_500);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => debit({ accountId: 'acct_many', amount: 2_500 })),
    );
    const paid = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(paid).toHaveLength(10);
    expect(refused.map((result) => refusal(result.reason).reason)).toEqual(
      Array(90).fill('INSUFFICIENT_FUNDS'),
    );
    expect(await available('acct_many')).toBe(0);
    const invariants = await ledgerInvariants(service.dataSource);
    expect(invariants.ok).toBe(true);
  });

  it('is idempotent per payout: the same payout id debits once', async () => {
    await fund('acct_ada', 5_000);
    const before = await available();
    const request = { payoutId: 'po_twice', amount: 1_200 };
    const [first, second] = await Promise.all([debit(request), debit(request)]);
    expect(second).toEqual(first);
    expect(await available()).toBe(before - 1_200);
  });

  it('takes an instant fee on top of the amount, and refuses what the two exceed', async () => {
    const before = await available();
    await expect(debit({ amount: before, fee: 50 })).rejects.toSatisfy(
      (error) =>
        refusal(error).reason === 'INSUFFICIENT_FUNDS' && refusal(error).available === before,
    );
    const paid = await debit({ amount: before - 50, fee: 50 });
    expect(paid).toMatchObject({ amount: before - 50, fee: 50 });
    expect(await available()).toBe(0);
  });

  it('a failed payout comes back whole, once, as a payout_failure transaction', async () => {
    await fund('acct_ada', 3_000);
    const paid = await debit({ payoutId: 'po_fails', amount: 2_000, fee: 20 });
    expect(await available()).toBe(980);
    const [back, again] = await Promise.all([
      reverse('po_fails', paid.balanceTransactionId),
      reverse('po_fails', paid.balanceTransactionId),
    ]);
    expect(again).toEqual(back);
    expect(back.amount).toBe(-2_020);
    expect(await available()).toBe(3_000);
    const listed = await service.query<{
      _entities: Array<{
        balanceTransactions: {
          nodes: Array<{ type: string; reportingCategory: string; net: number; source: string }>;
        };
      }>;
    }>(
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balanceTransactions(first: 1) { nodes { type reportingCategory net source } } } } }',
      accountReference('acct_ada'),
      ada,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!._entities[0]!.balanceTransactions.nodes[0]).toEqual({
      type: 'payout_failure',
      reportingCategory: 'payout_reversal',
      net: 2_020,
      source: 'po_fails',
    });
  });

  it('an automatic payout takes the whole available balance and lists what it paid out', async () => {
    const settled = await charge(service, { account: 'acct_ada', amount: 10_000 });
    await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
    const before = await available();
    expect(before).toBeGreaterThan(0);
    const paid = await debit({ payoutId: 'po_auto1', amount: 'available', automatic: true });
    expect(paid.amount).toBe(before);
    expect(await available()).toBe(0);
    const listed = await service.query<{
      _entities: Array<{
        balanceTransactions: { nodes: Array<{ source: string; payout: string }> };
      }>;
    }>(
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balanceTransactions(first: 100, filter: { payout: "po_auto1" }) { nodes { source payout } } } } }',
      accountReference('acct_ada'),
      ada,
    );
    const sources = listed.data!._entities[0]!.balanceTransactions.nodes.map((node) => node.source);
    expect(sources).toContain(settled.data!.createCharge.id);
    expect(sources).toContain('po_fails');
    expect(sources).not.toContain('po_auto1');
    // Nothing left: a second automatic payout has nothing to pay.
    await expect(debit({ amount: 'available', automatic: true })).rejects.toSatisfy(
      (error) => refusal(error).reason === 'NOTHING_TO_PAY_OUT',
    );
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('with a rolling delay, pays only what is older, unless recent refunds leave less', async () => {
    await fund('acct_ada', 4_000);
    await service.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ? AND payout_id IS NULL',
      [new Date(Date.now() - 5 * DAY), 'acct_ada'],
    );
    await fund('acct_ada', 1_000);
    const cutoff = new Date(Date.now() - 2 * DAY).toISOString();
    const held = await debit({ amount: 'available', automatic: true, createdBefore: cutoff });
    expect(held.amount).toBe(4_000);
    expect(await available()).toBe(1_000);
    // 3,000 older, then a 2,500 payout today: less is available than is old, so all goes.
    await fund('acct_ada', 3_000);
    await service.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ? AND payout_id IS NULL AND amount = 3000',
      [new Date(Date.now() - 5 * DAY), 'acct_ada'],
    );
    await debit({ amount: 2_500 });
    const all = await debit({ amount: 'available', automatic: true, createdBefore: cutoff });
    expect(all.amount).toBe(1_500);
    expect(await available()).toBe(0);
    const [unpaid] = (await service.dataSource.query(
      "SELECT COUNT(*) AS n FROM balance_transactions WHERE account_id = 'acct_ada' AND payout_id IS NULL AND status = 'available' AND type <> 'payout'",
    )) as Array<{ n: string }>;
    expect(Number(unpaid!.n)).toBe(0);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('pays a rolling-delay payout’s own line with it: the next run does not count it again', async () => {
    expect(await available()).toBe(0);
    const backdateUnpaid = () =>
      service.dataSource.query(
        'UPDATE balance_transactions SET created_at = ? WHERE account_id = ? AND payout_id IS NULL',
        [new Date(Date.now() - 5 * DAY), 'acct_ada'],
      );
    await fund('acct_ada', 6_000);
    await backdateUnpaid();
    await fund('acct_ada', 1_000);
    const cutoff = new Date(Date.now() - 2 * DAY).toISOString();
    const first = await debit({ amount: 'available', automatic: true, createdBefore: cutoff });
    expect(first.amount).toBe(6_000);
    // Days later the 1,000 is old enough, and so would be the first payout's line if unpaid.
    await backdateUnpaid();
    const next = await debit({ amount: 'available', automatic: true, createdBefore: cutoff });
    expect(next.amount).toBe(1_000);
    expect(await available()).toBe(0);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('a reserve top-up is not available money: an automatic payout neither counts nor lists it', async () => {
    const topUp = async (topupId: string, amount: number, outcome: string) => {
      await command(service, 'disputes', RESERVE_TOPUP_PATH, {
        topupId,
        accountId: 'acct_reserved',
        platformId: 'plat_a',
        livemode: false,
        amount,
        currency: 'usd',
        description: 'Top-up',
      });
      await command(service, 'disputes', outcome, { topupId, description: 'Done' });
    };
    await fund('acct_reserved', 4_000);
    await topUp('tu_into_reserve', 2_000, RESERVE_TOPUP_SETTLED_PATH);
    await topUp('tu_bounced', 3_000, RESERVE_TOPUP_FAILED_PATH);
    await service.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 5 * DAY), 'acct_reserved'],
    );
    await fund('acct_reserved', 1_000);
    // Older than the rolling delay: the 4,000 transfer alone; the reserve's 2,000 is not
    // available, and the 1,000 is too recent.
    const cutoff = new Date(Date.now() - 2 * DAY).toISOString();
    const paid = await debit({
      payoutId: 'po_reserved',
      accountId: 'acct_reserved',
      amount: 'available',
      automatic: true,
      createdBefore: cutoff,
    });
    expect(paid.amount).toBe(4_000);
    const listed = (await service.dataSource.query(
      "SELECT type, net FROM balance_transactions WHERE payout_id = 'po_reserved' AND type <> 'payout'",
    )) as Array<{ type: string; net: string }>;
    expect(listed.map((row) => row.type)).toEqual(['transfer']);
    expect(listed.reduce((sum, row) => sum + Number(row.net), 0)).toBe(paid.amount);
    const response = await service.query<{
      _entities: Array<{ balances: Array<{ available: number; reserve: number }> }>;
    }>(BALANCES, accountReference('acct_reserved'), platformA);
    expect(response.data!._entities[0]!.balances[0]).toMatchObject({
      available: 1_000,
      reserve: 2_000,
    });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('only the payouts service may call it', async () => {
    await expect(command(service, 'disputes', PAYOUT_DEBIT_PATH, {})).rejects.toSatisfy(
      (error) => refusal(error).code === 'UNAVAILABLE',
    );
  });

  it('a dispute the reserve paid part of leaves nothing unpaid: the next runs pay all that is available', async () => {
    const [paid] = await settledCharges(service, 'acct_drawn', 10_000);
    await settledTopUp(service, 'acct_drawn', 2_000);
    // 3,000 and a 1,500 fee: the reserve's 2,000 first, the available balance the other 2,500.
    await withdrawForDispute(service, paid!.id);
    const before = await available('acct_drawn');
    await service.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 5 * DAY), 'acct_drawn'],
    );
    await fund('acct_drawn', 1_000);
    const cutoff = new Date(Date.now() - 2 * DAY).toISOString();
    const older = await debit({
      accountId: 'acct_drawn',
      amount: 'available',
      automatic: true,
      createdBefore: cutoff,
    });
    // Counting the dispute's whole net (−4,500) would have paid 2,000 too little, for good.
    expect(older.amount).toBe(before);
    await service.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ? AND payout_id IS NULL',
      [new Date(Date.now() - 5 * DAY), 'acct_drawn'],
    );
    const rest = await debit({
      accountId: 'acct_drawn',
      amount: 'available',
      automatic: true,
      createdBefore: cutoff,
    });
    expect(rest.amount).toBe(1_000);
    expect(await available('acct_drawn')).toBe(0);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });
});
