import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chargeEntry,
  disputeEntry,
  payoutEntry,
  refundEntry,
  releasePostings,
  transferEntry,
  type LedgerEntry,
} from './entries.rules.js';
import { ledgerAccount } from './ledger-accounts.rules.js';

const now = new Date('2026-06-01T12:00:00Z');
const parties = {
  accountId: 'acct_ada',
  platformId: 'plat_a',
  currency: 'usd',
  sourceId: 'src_1',
  description: null,
  now,
};
const sum = (entry: LedgerEntry) => entry.postings.reduce((total, p) => total + p.amount, 0);
const postedTo = (entry: LedgerEntry, account: string) =>
  entry.postings.find((posting) => posting.ledgerAccount === account)?.amount ?? 0;

describe('ledger entries', () => {
  it('always balance, whatever the amounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: -5_000, max: 5_000 }),
        (amount, fee, reserve) => {
          const entries = [
            chargeEntry({
              ...parties,
              amount,
              processingFee: Math.min(fee, amount),
              applicationFee: 0,
              availableOn: now,
            }),
            refundEntry({ ...parties, amount, reserve }),
            disputeEntry({ ...parties, amount, fee, reserve }),
            transferEntry({ ...parties, amount }),
            payoutEntry({ ...parties, amount, fee }),
          ];
          for (const entry of entries) expect(sum(entry)).toBe(0);
        },
      ),
    );
  });

  it('keeps a charge pending until its day, its net going to the account', () => {
    const later = new Date(now.getTime() + 1);
    const entry = chargeEntry({
      ...parties,
      amount: 10_000,
      processingFee: 320,
      applicationFee: 100,
      availableOn: later,
    });
    expect(entry).toMatchObject({ status: 'pending', fee: 420, net: 9_580, earnings: 9_580 });
    expect(postedTo(entry, ledgerAccount.pending('acct_ada'))).toBe(9_580);
    expect(postedTo(entry, ledgerAccount.platform('plat_a'))).toBe(100);
    expect(releasePostings('acct_ada', entry.net)).toEqual([
      { ledgerAccount: ledgerAccount.pending('acct_ada'), amount: -9_580 },
      { ledgerAccount: ledgerAccount.available('acct_ada'), amount: 9_580 },
    ]);
  });

  it('draws what the account owes from its reserve first, then its available balance', () => {
    const entry = refundEntry({ ...parties, amount: 1_500, reserve: 1_000 });
    expect(postedTo(entry, ledgerAccount.reserve('acct_ada'))).toBe(-1_000);
    expect(postedTo(entry, ledgerAccount.available('acct_ada'))).toBe(-500);
    const noReserve = refundEntry({ ...parties, amount: 1_500, reserve: -20 });
    expect(postedTo(noReserve, ledgerAccount.available('acct_ada'))).toBe(-1_500);
  });

  it('refuses amounts JavaScript cannot count exactly', () => {
    expect(() => transferEntry({ ...parties, amount: 2 ** 53 })).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ reason: 'AMOUNT_OVERFLOW' }),
      }),
    );
  });
});
