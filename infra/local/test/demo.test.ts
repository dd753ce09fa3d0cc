import { describe, expect, it } from 'vitest';
import { buildDemoData, DEMO_ACCOUNT } from '../src/index.js';

describe('demo data', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const demo = buildDemoData(now);
  const mine = demo.transactions.filter((txn) => txn.accountId === DEMO_ACCOUNT.id);

  it('is the same every time for the same moment', () => {
    expect(buildDemoData(now)).toEqual(demo);
  });

  it('records each payout in the ledger as a debit of the same amount', () => {
    const debits = mine.filter((txn) => txn.type === 'payout');
    expect(debits.length).toBe(demo.payouts.length);
    expect(demo.payouts.length).toBeGreaterThanOrEqual(12);
    for (const payout of demo.payouts) {
      expect(debits.find((txn) => txn.description === `Payout ${payout.id}`)?.amount).toBe(
        -payout.amount,
      );
    }
  });

  it('never pays out more than had become available', () => {
    for (const payout of demo.payouts) {
      const availableThen = mine
        .filter((txn) => txn.availableOn <= payout.createdAt && txn.createdAt <= payout.createdAt)
        .reduce((sum, txn) => sum + txn.amount - txn.fee, 0);
      expect(availableThen).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves recent rides pending and a payout on the way', () => {
    expect(mine.some((txn) => txn.availableOn > now)).toBe(true);
    expect(demo.payouts.some((payout) => payout.status === 'in_transit')).toBe(true);
  });
});
