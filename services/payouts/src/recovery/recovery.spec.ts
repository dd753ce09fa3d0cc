import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_RECOVERY_ATTEMPTS, openKeyOf, retryDelayMs } from './recovery.rules.js';

const DAY = 24 * 3600 * 1000;

describe('recovery debit retries', () => {
  it('waits a day, then two, doubling from the base', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, DAY))).toEqual([DAY, 2 * DAY, 4 * DAY]);
    expect(retryDelayMs(2, 50)).toBe(100);
  });

  it('gives up after three tries', () => {
    expect(MAX_RECOVERY_ATTEMPTS).toBe(3);
    expect([1, 2, 3].map(afterFailure)).toEqual(['retry', 'retry', 'give_up']);
  });

  it('keeps one debit under way per account, mode and currency', () => {
    const debit = { accountId: 'acct_1', livemode: false, currency: 'usd' };
    expect(openKeyOf(debit)).toBe('acct_1:test:usd');
    expect(openKeyOf({ ...debit, livemode: true })).not.toBe(openKeyOf(debit));
    expect(openKeyOf({ ...debit, currency: 'eur' })).not.toBe(openKeyOf(debit));
  });
});
