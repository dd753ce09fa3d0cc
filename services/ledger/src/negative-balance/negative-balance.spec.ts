import { describe, expect, it } from 'vitest';
import { BALANCE_TRANSACTION_TYPES } from '../postings/entries.rules.js';
import {
  negativeCausesOf,
  negativeSince,
  recoveryDateOf,
  wentNegativeAt,
} from './negative-balance.rules.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const now = at(59);

describe('when a balance went negative', () => {
  it('is the change that took it from zero or more to below zero', () => {
    // 500 → 200 (refund) → −300 (dispute) → −100 (a charge settles, not enough)
    const changes = [
      { at: at(1), delta: -300 },
      { at: at(2), delta: -500 },
      { at: at(3), delta: 200 },
    ];
    expect(wentNegativeAt(-100, changes)).toEqual(at(2));
  });

  it('is the latest crossing when the balance went back up and down again', () => {
    const changes = [
      { at: at(1), delta: -300 }, // 100 → −200
      { at: at(2), delta: 400 }, // → 200
      { at: at(3), delta: -250 }, // → −50
    ];
    expect(wentNegativeAt(-50, changes)).toEqual(at(3));
  });

  it('is a crossing only from zero or more: from exactly zero counts', () => {
    expect(wentNegativeAt(-10, [{ at: at(4), delta: -10 }])).toEqual(at(4));
  });

  it('is none when the balance is not negative, or was negative before every change', () => {
    expect(wentNegativeAt(0, [{ at: at(1), delta: -10 }])).toBeNull();
    expect(wentNegativeAt(-50, [{ at: at(1), delta: -10 }])).toBeNull();
    expect(wentNegativeAt(-50, [])).toBeNull();
  });

  it('keeps what was known unless a fresh crossing says otherwise', () => {
    const known = at(0);
    expect(negativeSince(-50, [{ at: at(1), delta: -10 }], known, now)).toEqual(known);
    expect(negativeSince(-10, [{ at: at(5), delta: -10 }], known, now)).toEqual(at(5));
  });

  it('falls back to the first change looked at, then to now', () => {
    expect(negativeSince(-50, [{ at: at(7), delta: -10 }], null, now)).toEqual(at(7));
    expect(negativeSince(-50, [], null, now)).toEqual(now);
  });
});

describe('recovery and causes', () => {
  it('schedules the recovery recoveryDays after the balance went negative', () => {
    expect(recoveryDateOf(new Date('2026-01-01T10:00:00Z'), 7)).toEqual(
      new Date('2026-01-08T10:00:00Z'),
    );
  });

  it('names the debts, not payouts or money that never arrived, in a fixed order', () => {
    expect(
      negativeCausesOf(
        ['payout', 'dispute', 'refund', 'dispute', 'topup_reversal', 'recovery_debit_failure'],
        BALANCE_TRANSACTION_TYPES,
      ),
    ).toEqual(['refund', 'dispute']);
    expect(negativeCausesOf([], BALANCE_TRANSACTION_TYPES)).toEqual([]);
  });
});
