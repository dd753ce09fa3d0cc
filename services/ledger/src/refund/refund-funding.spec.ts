import { describe, expect, it } from 'vitest';
import { accountRefundLimit, refuseUnfundedRefund } from './refund-funding.rules.js';

describe('what an account may refund of its own accord', () => {
  it('is its reserve, its available balance and the payment’s own pending share', () => {
    expect(accountRefundLimit({ reserve: 500, available: 2_000, ownPending: 1_000 })).toBe(3_500);
  });

  it('counts nothing below zero: a debt is not money to refund with', () => {
    expect(accountRefundLimit({ reserve: -100, available: -4_000, ownPending: 1_000 })).toBe(1_000);
  });

  it('refuses more than that, saying how much is fundable', () => {
    const funds = { reserve: 0, available: 700, ownPending: 0 };
    expect(() => refuseUnfundedRefund(700, 'usd', funds)).not.toThrow();
    expect(() => refuseUnfundedRefund(701, 'usd', funds)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'FAILED_PRECONDITION',
          reason: 'INSUFFICIENT_FUNDS',
          fundable: 700,
        }),
      }),
    );
  });
});
