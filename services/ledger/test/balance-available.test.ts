import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestService } from '@dash/subgraph/testing';
import { waitFor } from '@dash/testing';
import { Balances } from '../src/account/balances.service.js';
import { BalanceAvailableSweep } from '../src/balance-available/balance-available.service.js';
import type { SweepBounds } from '../src/balance-available/balance-available.rules.js';
import {
  balanceOf,
  charge,
  DAY,
  recordedEvents,
  startLedger,
  type ChargeResult,
  type RecordedEvent,
} from './support.js';

/** How long a charge's funds stay pending in these tests. */
const DELAY_MS = 1_000;

type AvailableData = {
  available: Array<{ amount: number; currency: string }>;
  pending: Array<{ amount: number; currency: string }>;
};

const ACCOUNTS = ['acct_a', 'acct_b', 'acct_c', 'acct_d', 'acct_e'];
const BATCHED = ['acct_f', 'acct_g', 'acct_h', 'acct_i', 'acct_j', 'acct_k', 'acct_l'];

let service: TestService;

beforeAll(async () => {
  service = await startLedger([...ACCOUNTS, ...BATCHED], {
    DASH_AVAILABLE_DELAY_DAYS: String(DELAY_MS / DAY),
    // The API alone: no scheduled sweep of its own runs beside the ones these tests start.
    DASH_ROLE: 'api',
  });
});
afterAll(() => service.close());

/** `count` sweepers, as on as many ledger workers, each with its own objects. */
const sweepers = (count: number, bounds?: SweepBounds) =>
  Array.from(
    { length: count },
    () => new BalanceAvailableSweep(service.dataSource, new Balances(service.dataSource), bounds),
  );

/** All of them sweeping at once, up to `now`. */
const sweepInParallel = (count: number, now: Date, bounds?: SweepBounds) =>
  Promise.all(sweepers(count, bounds).map((sweeper) => sweeper.sweep(now)));

const chargeFor = async (account: string, amount: number) => {
  const response = await charge(service, { account, amount });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createCharge;
};

/** Waits until every one of these charges' funds is available. */
async function untilAvailable(charges: ChargeResult[]) {
  const last = Math.max(...charges.map((made) => Date.parse(made.balanceTransaction!.availableOn)));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, last - Date.now()) + 20));
}

const availableEvents = () => recordedEvents<AvailableData>(service, 'balance.available');
const eventsFor = async (accountId: string) =>
  (await availableEvents()).filter((event) => event.accountId === accountId);

const sweptTo = async () =>
  (
    (await service.dataSource.query('SELECT swept_to FROM balance_available_sweep')) as Array<{
      swept_to: Date;
    }>
  ).map((row) => row.swept_to);

const usd = (available: number, pending = 0): AvailableData => ({
  available: [{ amount: available, currency: 'usd' }],
  pending: [{ amount: pending, currency: 'usd' }],
});

describe('balance.available', () => {
  it('is recorded once per account whose funds became available, however many sweep at once', async () => {
    const made = await Promise.all([
      chargeFor('acct_a', 10_000),
      chargeFor('acct_a', 20_000),
      chargeFor('acct_b', 5_000),
    ]);
    expect(made.map((one) => one.balanceTransaction!.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    await untilAvailable(made);
    const now = new Date();
    // Made after the sweeps' moment: its funds are still pending then.
    const pendingCharge = await chargeFor('acct_c', 7_000);
    expect(Date.parse(pendingCharge.balanceTransaction!.availableOn)).toBeGreaterThan(
      now.getTime(),
    );

    const recorded = await sweepInParallel(5, now);
    expect(recorded.reduce((sum, count) => sum + count, 0)).toBe(2);
    const events = await availableEvents();
    expect(events.map((event) => event.accountId).sort()).toEqual(['acct_a', 'acct_b']);
    const [netA1, netA2, netB] = made.map((one) => one.net) as [number, number, number];
    const eventOf = (accountId: string) => events.find((event) => event.accountId === accountId)!;
    expect(eventOf('acct_a')).toMatchObject<Partial<RecordedEvent<AvailableData>>>({
      platformId: 'plat_a',
      livemode: false,
      source: 'ledger',
      occurredAt: now,
      data: usd(netA1 + netA2),
    });
    expect(eventOf('acct_b').data).toEqual(usd(netB));
    // What the dashboard shows for the same balances.
    expect(await balanceOf(service, 'acct_a')).toMatchObject({ available: netA1 + netA2 });
    expect(await sweptTo()).toEqual([now]);

    // Nothing new up to the same moment: nothing more, however many sweep.
    expect(await sweepInParallel(5, now)).toEqual([0, 0, 0, 0, 0]);
    expect(await availableEvents()).toHaveLength(2);
    expect(await eventsFor('acct_c')).toEqual([]);

    // Once acct_c's funds are available too, it alone is reported.
    await untilAvailable([pendingCharge]);
    const later = new Date();
    expect((await sweepInParallel(5, later)).reduce((sum, count) => sum + count, 0)).toBe(1);
    expect((await eventsFor('acct_c')).map((event) => event.data)).toEqual([
      usd(pendingCharge.net),
    ]);
    expect(await availableEvents()).toHaveLength(3);
    expect(await sweptTo()).toEqual([later]);
  });

  it('carries the balance as it is, pending funds included', async () => {
    const first = await chargeFor('acct_d', 3_000);
    await untilAvailable([first]);
    const now = new Date();
    const second = await chargeFor('acct_d', 4_000);
    await sweepInParallel(2, now);
    expect((await eventsFor('acct_d')).map((event) => event.data)).toEqual([
      usd(first.net, second.net),
    ]);
    // Its next funds becoming available is news again.
    await untilAvailable([second]);
    await sweepInParallel(2, new Date());
    expect((await eventsFor('acct_d')).map((event) => event.data)).toEqual([
      usd(first.net, second.net),
      usd(first.net + second.net),
    ]);
  });

  it('a sweep that fails part way records nothing and leaves the watermark where it was', async () => {
    const made = await Promise.all([chargeFor('acct_e', 1_000), chargeFor('acct_a', 1_000)]);
    await untilAvailable(made);
    const before = await availableEvents();
    const watermark = await sweptTo();
    let reads = 0;
    const failing = new (class extends Balances {
      override async balances(...args: Parameters<Balances['balances']>) {
        reads += 1;
        if (reads === 2) throw new Error('the worker died');
        return super.balances(...args);
      }
    })(service.dataSource);
    await expect(new BalanceAvailableSweep(service.dataSource, failing).sweep()).rejects.toThrow(
      'the worker died',
    );
    expect(await availableEvents()).toEqual(before);
    expect(await sweptTo()).toEqual(watermark);

    // The next sweep reports the whole window.
    const recorded = await sweepInParallel(3, new Date());
    expect(recorded.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(await eventsFor('acct_e')).toHaveLength(1);
    expect(await eventsFor('acct_a')).toHaveLength(2);
  });

  it('takes a backlog in bounded transactions, each account of it once', async () => {
    const made = await Promise.all(BATCHED.map((account, i) => chargeFor(account, 1_000 + i)));
    await untilAvailable(made);
    const now = new Date();
    const recorded = await sweepInParallel(3, now, { maxAccounts: 2, maxRows: 3 });
    expect(recorded.reduce((sum, count) => sum + count, 0)).toBe(BATCHED.length);
    for (const [i, account] of BATCHED.entries())
      expect((await eventsFor(account)).map((event) => event.data)).toEqual([usd(made[i]!.net)]);
    expect(await sweptTo()).toEqual([now]);
  });
});

describe('the ledger worker', () => {
  let worker: TestService;
  beforeAll(async () => {
    worker = await startLedger(['acct_w'], {
      DASH_AVAILABLE_DELAY_DAYS: String(DELAY_MS / DAY),
      DASH_BALANCE_AVAILABLE_SWEEP_MS: '250',
    });
  });
  afterAll(() => worker.close());

  it('sweeps on its own schedule', async () => {
    const response = await charge(worker, { account: 'acct_w', amount: 2_000 });
    const made = response.data!.createCharge;
    await waitFor('balance.available for acct_w', async () => {
      const events = await recordedEvents<AvailableData>(worker, 'balance.available');
      expect(events.map((event) => [event.accountId, event.data])).toEqual([
        ['acct_w', usd(made.net)],
      ]);
    });
  });
});
