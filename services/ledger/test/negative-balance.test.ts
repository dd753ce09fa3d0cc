import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountReference, platformCaller, type TestService } from '@dash/subgraph/testing';
import { Balances } from '../src/account/balances.service.js';
import { NegativeBalanceWatch } from '../src/negative-balance/negative-balance-watch.service.js';
import { NegativeBalances } from '../src/negative-balance/negative-balances.service.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  balanceOf,
  charge,
  DAY,
  expectLedgerHolds,
  fund,
  knownAccounts,
  payOut,
  platformA,
  settledCharges,
  settledTopUp,
  startLedger,
  uniqueId,
  withdrawForDispute,
} from './support.js';

let service: TestService;
let watch: NegativeBalanceWatch;
let negative: NegativeBalances;

const EXPLAINED = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Account { balances { currency available negativeSince recoveryScheduledFor negativeCauses } }
  }
}`;
type Explained = {
  currency: string;
  available: number;
  negativeSince: string | null;
  recoveryScheduledFor: string | null;
  negativeCauses: string[];
};
const explained = async (accountId: string, caller = platformA) => {
  const response = await service.query<{ _entities: Array<{ balances: Explained[] } | null> }>(
    EXPLAINED,
    accountReference(accountId),
    caller,
  );
  expect(response.errors).toBeUndefined();
  return response.data!._entities[0]?.balances.find((balance) => balance.currency === 'usd');
};

/** A fresh account of plat_a whose available balance is below zero after a dispute. */
async function owingAccount(): Promise<{ accountId: string; owed: number; disputedAt: Date }> {
  const accountId = uniqueId('acct_neg').slice(0, 30);
  await knownAccounts(service, [{ id: accountId, platformId: 'plat_a' }]);
  const [paid] = await settledCharges(service, accountId, 1_000);
  const disputedAt = new Date();
  await withdrawForDispute(service, paid!.id, { amount: 1_000, fee: 1_500 });
  const { available } = await balanceOf(service, accountId);
  expect(available).toBeLessThan(0);
  return { accountId, owed: -available, disputedAt };
}

beforeAll(async () => {
  service = await startLedger([]);
  const balances = new Balances(service.dataSource);
  watch = new NegativeBalanceWatch(service.dataSource, balances);
  negative = new NegativeBalances(service.dataSource, balances);
  await watch.pass();
});
afterAll(() => service.close());

describe('negative balances', () => {
  it('are found by the watch, with since when, why and when they are recovered', async () => {
    const { accountId, owed, disputedAt } = await owingAccount();
    expect((await explained(accountId))?.negativeSince).toBeNull();
    await watch.pass();
    const [row] = await negative.ofAccount(accountId, false);
    expect(row).toMatchObject({ accountId, platformId: 'plat_a', currency: 'usd', amount: owed });
    expect(Math.abs(row!.since.getTime() - disputedAt.getTime())).toBeLessThan(5_000);
    const balance = await explained(accountId);
    expect(balance).toMatchObject({ available: -owed, negativeCauses: ['dispute'] });
    expect(new Date(balance!.negativeSince!)).toEqual(row!.since);
    expect(new Date(balance!.recoveryScheduledFor!).getTime()).toBe(row!.since.getTime() + 7 * DAY);
    // Due only once the platform's recovery days have passed.
    const due = (at: number) =>
      negative
        .dueForRecovery(new Date(at))
        .then((all) => all.filter((each) => each.accountId === accountId));
    expect(await due(row!.since.getTime() + 6 * DAY)).toEqual([]);
    expect(await due(row!.since.getTime() + 7 * DAY + 1)).toEqual([
      expect.objectContaining({ accountId, amount: owed }),
    ]);
  });

  it('follow the platform’s own recovery days, per mode', async () => {
    const set = await service.query<{ setRiskSettings: { recoveryDays: number } }>(
      'mutation { setRiskSettings(input: { recoveryDays: 3 }) { recoveryDays } }',
      {},
      platformCaller('plat_c'),
    );
    expect(set.errors).toBeUndefined();
    const accountId = uniqueId('acct_negc').slice(0, 30);
    await knownAccounts(service, [{ id: accountId, platformId: 'plat_c' }]);
    const paid = await charge(
      service,
      { account: accountId, amount: 1_000 },
      platformCaller('plat_c'),
    );
    await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
    await withdrawForDispute(service, paid.data!.createCharge.id, {
      platformId: 'plat_c',
      amount: 1_000,
      fee: 0,
    });
    await watch.pass();
    const [row] = await negative.ofAccount(accountId, false);
    const balance = await explained(accountId, platformCaller('plat_c'));
    expect(new Date(balance!.recoveryScheduledFor!).getTime()).toBe(row!.since.getTime() + 3 * DAY);
    // Another platform, or the other mode, sees none of it.
    expect(await negative.ofPlatform('plat_c', true)).toEqual([]);
    expect(
      (await negative.ofPlatform('plat_a', false)).map((each) => each.accountId),
    ).not.toContain(accountId);
    expect(await explained(accountId)).toBeUndefined();
  });

  it('go once the money is made good, and keep their first day while still owing', async () => {
    const { accountId, owed } = await owingAccount();
    await watch.pass();
    const [first] = await negative.ofAccount(accountId, false);
    // Part of it made good: still negative since the same moment, owing less.
    await fund(service, accountId, 100);
    await watch.pass();
    expect(await negative.ofAccount(accountId, false)).toEqual([{ ...first, amount: owed - 100 }]);
    // A payment settling makes up the rest.
    await charge(service, { account: accountId, amount: 5_000 });
    await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
    await Promise.all(Array.from({ length: 10 }, () => watch.pass()));
    expect(await negative.ofAccount(accountId, false)).toEqual([]);
    expect(await explained(accountId)).toMatchObject({
      negativeSince: null,
      recoveryScheduledFor: null,
      negativeCauses: [],
    });
    await expectLedgerHolds(service);
  });

  it('are made good first by a top-up of the reserve; only the rest goes into the reserve', async () => {
    const { accountId, owed } = await owingAccount();
    await settledTopUp(service, accountId, owed + 700);
    expect(await balanceOf(service, accountId)).toMatchObject({
      available: 0,
      pending: 0,
      reserve: 700,
    });
    await watch.pass();
    expect(await negative.ofAccount(accountId, false)).toEqual([]);
    // What was made good is the account's own money again: a later payout pays out all of it.
    await fund(service, accountId, 2_000);
    await payOut(service, { accountId, amount: 'available', automatic: true });
    expect((await balanceOf(service, accountId)).available).toBe(0);
    await expectLedgerHolds(service);
  });

  it('leave a top-up whole for the reserve when nothing is owed', async () => {
    const accountId = uniqueId('acct_pos').slice(0, 30);
    await knownAccounts(service, [{ id: accountId, platformId: 'plat_a' }]);
    await fund(service, accountId, 300);
    await settledTopUp(service, accountId, 500);
    expect(await balanceOf(service, accountId)).toMatchObject({ available: 300, reserve: 500 });
  });
});
