import { describe, expect, it } from 'vitest';
import { refundAgainstDispute, type ChargeDisputeStatus } from './charge-disputes.rules.js';

const payment = (disputeStatus: ChargeDisputeStatus | null, amountRefunded = 0) => ({
  disputeStatus,
  amount: 1_000,
  amountRefunded,
});
const refusedWith = (extensions: Record<string, unknown>) =>
  expect.objectContaining({ extensions: expect.objectContaining(extensions) });

describe('a refund against a payment’s dispute', () => {
  it('goes ahead without a dispute, or once a chargeback is won or an inquiry closed', () => {
    for (const status of [null, 'won', 'warning_closed'] as const)
      expect(refundAgainstDispute(payment(status), 400)).toEqual({ closesInquiry: false });
  });

  it('is refused whole while a chargeback is open', () => {
    expect(() => refundAgainstDispute(payment('needs_response'), 1_000)).toThrow(
      refusedWith({ code: 'FAILED_PRECONDITION', reason: 'CHARGE_DISPUTED' }),
    );
  });

  it('answers an open inquiry only by refunding all that is left, which closes it', () => {
    expect(() => refundAgainstDispute(payment('warning_needs_response'), 400)).toThrow(
      refusedWith({ reason: 'CHARGE_DISPUTED', inquiry: true, field: 'amount' }),
    );
    expect(refundAgainstDispute(payment('warning_needs_response', 600), 400)).toEqual({
      closesInquiry: true,
    });
  });
});
