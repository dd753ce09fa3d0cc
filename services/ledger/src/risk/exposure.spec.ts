import { describe, expect, it } from 'vitest';
import { bucketsOf, exposureOf } from './exposure.rules.js';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-06-01T12:00:00Z');
const owed = (accountId: string, currency: string, amount: number, days: number) => ({
  accountId,
  platformId: 'plat_a',
  livemode: false,
  currency,
  amount,
  since: new Date(now.getTime() - days * DAY),
});

describe('exposure', () => {
  const balances = [
    owed('acct_1', 'usd', 500, 0),
    owed('acct_2', 'usd', 700, 6.9),
    owed('acct_3', 'usd', 100, 7),
    owed('acct_4', 'usd', 50, 29.5),
    owed('acct_5', 'usd', 9, 30),
    owed('acct_1', 'eur', 40, 400),
  ];

  it('sums what is owed per currency', () => {
    expect(exposureOf(balances)).toEqual([
      { currency: 'eur', amount: 40 },
      { currency: 'usd', amount: 1_359 },
    ]);
    expect(exposureOf([])).toEqual([]);
  });

  it('buckets by whole days negative: 0–6, 7–29, 30 and more', () => {
    expect(bucketsOf(balances, now)).toEqual([
      { minDays: 30, maxDays: null, currency: 'eur', amount: 40, accounts: 1 },
      { minDays: 0, maxDays: 6, currency: 'usd', amount: 1_200, accounts: 2 },
      { minDays: 7, maxDays: 29, currency: 'usd', amount: 150, accounts: 2 },
      { minDays: 30, maxDays: null, currency: 'usd', amount: 9, accounts: 1 },
    ]);
  });
});
