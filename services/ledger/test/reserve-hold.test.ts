import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterventionsSummary } from '@dash/events';
import { accountReference, type TestService } from '@dash/subgraph/testing';
import { ReserveHolds } from '../src/reserve-hold/reserve-holds.service.js';
import { keepRollingReserve } from '../src/reserve-hold/rolling-reserves.service.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  balanceOf,
  charge,
  DAY,
  expectLedgerHolds,
  newKey,
  payOut,
  platformA,
  platformB,
  REFUND,
  startLedger,
  type ChargeResult,
} from './support.js';

let service: TestService;
let holds: ReserveHolds;

beforeAll(async () => {
  service = await startLedger(['acct_rr', 'acct_lift'], { DASH_ROLE: 'api' });
  holds = new ReserveHolds(service.dataSource);
});
afterAll(() => service.close());

/** Identity's `account.updated` with the interventions in force, as the ledger consumes it. */
const interventions = (
  accountId: string,
  rollingReserve: InterventionsSummary['rollingReserve'],
  occurredAt = new Date(),
) =>
  service.dataSource.transaction((manager) =>
    keepRollingReserve(
      {
        accountId,
        platformId: 'plat_a',
        livemode: false,
        occurredAt: occurredAt.toISOString(),
        data: { interventions: { payoutsPaused: false, chargesDisabled: false, rollingReserve } },
      },
      manager,
    ),
  );

const RESERVE_HELD = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Account { balances { currency reserve reserveHeld } } } }`;

const reserveHeld = async (accountId: string, caller = platformA) => {
  const response = await service.query<{
    _entities: Array<{ balances: Array<{ reserveHeld: number }> }>;
  }>(RESERVE_HELD, accountReference(accountId), caller);
  return response.data!._entities[0]!.balances[0]?.reserveHeld ?? 0;
};

async function charges(accountId: string, amounts: number[]): Promise<ChargeResult[]> {
  const made = await Promise.all(
    amounts.map((amount) => charge(service, { account: accountId, amount })),
  );
  return made.map((response) => response.data!.createCharge);
}

const typed = async (accountId: string, type: string) =>
  (await service.dataSource.query(
    'SELECT amount, source_id FROM balance_transactions WHERE account_id = ? AND type = ? ORDER BY created_at',
    [accountId, type],
  )) as Array<{ amount: string; source_id: string }>;

/** The moment the pending charges of these tests are available (the default 2-day delay). */
const settled = () => new Date(Date.now() + 3 * DAY);

describe('rolling reserve', () => {
  let made: ChargeResult[];
  let heldAt: Date;

  it('holds exactly floor(percent × net) of each charge once its money is available, once however many passes run', async () => {
    await interventions('acct_rr', { percent: 10, days: 30 });
    made = await charges('acct_rr', [10_000, 3_333, 999, 12_345]);
    // Still pending: nothing to hold yet.
    expect(await holds.runOnce(new Date())).toEqual({ held: 0, released: 0 });
    heldAt = settled();
    await releaseDue(service.dataSource, heldAt);
    const before = await balanceOf(service, 'acct_rr');
    const passes = await Promise.all(Array.from({ length: 12 }, () => holds.runOnce(heldAt)));
    expect(passes.reduce((sum, pass) => sum + pass.held, 0)).toBe(4);
    const held = made.map((one) => Math.floor((one.net * 10) / 100));
    const rows = await typed('acct_rr', 'reserve_hold');
    expect(rows.map((row) => -Number(row.amount)).sort()).toEqual([...held].sort());
    expect(new Set(rows.map((row) => row.source_id))).toEqual(new Set(made.map((one) => one.id)));
    const total = held.reduce((sum, amount) => sum + amount, 0);
    expect(await balanceOf(service, 'acct_rr')).toEqual({
      available: before.available - total,
      pending: 0,
      reserve: total,
    });
    expect(await reserveHeld('acct_rr')).toBe(total);
    expect(await reserveHeld('acct_rr', platformB)).toBe(0);
    await expectLedgerHolds(service);
  });

  it('an automatic payout pays what is available, leaving held money in the reserve', async () => {
    const { available } = await balanceOf(service, 'acct_rr');
    const paid = await payOut(service, {
      accountId: 'acct_rr',
      amount: 'available',
      automatic: true,
    });
    expect(paid.amount).toBe(available);
    expect((await balanceOf(service, 'acct_rr')).available).toBe(0);
    const [unpaid] = (await service.dataSource.query(
      "SELECT COALESCE(SUM(net), 0) AS net FROM balance_transactions WHERE account_id = 'acct_rr' AND payout_id IS NULL AND status = 'available'",
    )) as Array<{ net: string }>;
    expect(Number(unpaid!.net)).toBe(0);
  });

  it('releases exactly on its day, not a moment before, capped at what refunds left in the reserve', async () => {
    // A refund draws on the reserve first: 1,000 of the first charge's hold is gone.
    const response = await service.query(
      REFUND,
      { input: { charge: made[0]!.id, amount: 1_000 }, key: newKey() },
      platformA,
    );
    expect(response.errors).toBeUndefined();
    const reserve = (await balanceOf(service, 'acct_rr')).reserve;
    const day = new Date(Math.floor(heldAt.getTime() / DAY) * DAY + 30 * DAY);
    expect(await holds.runOnce(new Date(day.getTime() - 1))).toEqual({ held: 0, released: 0 });
    const passes = await Promise.all(Array.from({ length: 8 }, () => holds.runOnce(day)));
    expect(passes.reduce((sum, pass) => sum + pass.released, 0)).toBe(4);
    const released = await typed('acct_rr', 'reserve_release');
    expect(released.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(reserve);
    expect(await balanceOf(service, 'acct_rr')).toMatchObject({ reserve: 0 });
    expect(await reserveHeld('acct_rr')).toBe(0);
    // The next automatic payout pays what came back.
    const back = (await balanceOf(service, 'acct_rr')).available;
    expect(back).toBe(reserve);
    const paid = await payOut(service, {
      accountId: 'acct_rr',
      amount: 'available',
      automatic: true,
    });
    expect(paid.amount).toBe(back);
    await expectLedgerHolds(service);
  });

  it('holds only charges made while it is in force; lifted, new charges are not held but held money still releases', async () => {
    const before = await charges('acct_lift', [5_000]);
    await interventions('acct_lift', { percent: 20, days: 1 });
    const during = await charges('acct_lift', [5_000]);
    const at = settled();
    await releaseDue(service.dataSource, at);
    await holds.runOnce(at);
    const rows = await typed('acct_lift', 'reserve_hold');
    expect(rows.map((row) => row.source_id)).toEqual([during[0]!.id]);
    expect(-Number(rows[0]!.amount)).toBe(Math.floor(during[0]!.net * 0.2));
    expect(before[0]!.id).not.toBe(during[0]!.id);
    // A stale event (from before) changes nothing; a newer one lifts it.
    await interventions('acct_lift', null, new Date(Date.now() - 60 * DAY));
    const [kept] = (await service.dataSource.query(
      "SELECT percent FROM rolling_reserves WHERE account_id = 'acct_lift'",
    )) as Array<{ percent: number | null }>;
    expect(kept!.percent).toBe(20);
    await interventions('acct_lift', null);
    const after = await charges('acct_lift', [5_000]);
    await releaseDue(service.dataSource, new Date(at.getTime() + DAY));
    const pass = await holds.runOnce(new Date(at.getTime() + 2 * DAY));
    expect(pass).toEqual({ held: 0, released: 1 });
    expect((await typed('acct_lift', 'reserve_hold')).map((row) => row.source_id)).not.toContain(
      after[0]!.id,
    );
    expect(await reserveHeld('acct_lift')).toBe(0);
    await expectLedgerHolds(service);
  });
});
