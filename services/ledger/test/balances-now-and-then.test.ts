import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestService } from '@dash/subgraph/testing';
import { Balances } from '../src/account/balances.service.js';
import { charge, DAY, startLedger } from './support.js';

const HOUR = 3_600_000;
const account = { accountId: 'acct_then', livemode: false };
let service: TestService;

beforeAll(async () => {
  service = await startLedger([account.accountId], { DASH_AVAILABLE_DELAY_DAYS: '2' });
});
afterAll(() => service.close());

/** Moves a balance transaction's money to come due at `moment` (the ledger keeps it pending). */
async function dueAt(transactionId: string, moment: Date) {
  await service.dataSource.query('UPDATE balance_transactions SET available_on = ? WHERE id = ?', [
    moment,
    transactionId,
  ]);
}

describe('balances now and at a later moment, read together', () => {
  it('are each what they are when read alone, also where the later moment splits a day', async () => {
    const made: Array<{ id: string; net: number }> = [];
    for (const amount of [1_000, 2_000, 3_000, 4_000, 5_000]) {
      const response = await charge(service, { account: account.accountId, amount });
      expect(response.errors).toBeUndefined();
      made.push(response.data!.createCharge.balanceTransaction!);
    }
    const [released, beforeThen, afterThen, later, latest] = made as [
      (typeof made)[number],
      (typeof made)[number],
      (typeof made)[number],
      (typeof made)[number],
      (typeof made)[number],
    ];
    const now = new Date();
    const day = new Date(Math.floor(now.getTime() / DAY) * DAY + 2 * DAY);
    const then = new Date(day.getTime() + 12 * HOUR);
    // Due already but not yet released; two on the day `then` falls in, before and after it;
    // two later still.
    await dueAt(released.id, new Date(now.getTime() - 60_000));
    await dueAt(beforeThen.id, new Date(day.getTime() + 10 * HOUR));
    await dueAt(afterThen.id, new Date(day.getTime() + 14 * HOUR));
    await dueAt(later.id, new Date(day.getTime() + 3 * DAY));
    await dueAt(latest.id, new Date(day.getTime() + 5 * DAY));

    const balances = new Balances(service.dataSource);
    const together = await balances.nowAndThen(account, now, then);
    expect(together.now).toEqual(await balances.balances(account, now));
    expect(together.then).toEqual(await balances.balances(account, then));
    const inDays = (days: number) => new Date(day.getTime() + days * DAY);
    expect(together.now[0]).toMatchObject({
      currency: 'usd',
      available: released.net,
      // The day `then` splits is one day of money to come.
      availableSoon: [
        { availableOn: day, amount: beforeThen.net + afterThen.net },
        { availableOn: inDays(3), amount: later.net },
        { availableOn: inDays(5), amount: latest.net },
      ],
    });
    expect(together.then[0]).toMatchObject({
      available: released.net + beforeThen.net,
      availableSoon: [
        { availableOn: day, amount: afterThen.net },
        { availableOn: inDays(3), amount: later.net },
        { availableOn: inDays(5), amount: latest.net },
      ],
    });
  });
});
