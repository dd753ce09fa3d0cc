import { describe, expect, it } from 'vitest';
import { PaymentStatus, paymentStatus } from './payment-status.rules.js';

const payment = (facts: Partial<Parameters<typeof paymentStatus>[0]> = {}) =>
  paymentStatus({
    outcome: 'succeeded',
    disputed: false,
    amount: 1_000,
    amountRefunded: 0,
    ...facts,
  });

describe('a payment’s status', () => {
  it('is the card network’s outcome until the payment succeeds', () => {
    expect(payment({ outcome: 'failed' })).toBe(PaymentStatus.failed);
    expect(payment({ outcome: 'pending', disputed: true })).toBe(PaymentStatus.pending);
    expect(payment()).toBe(PaymentStatus.succeeded);
  });

  it('shows a dispute before refunds, and a full refund before a partial one', () => {
    expect(payment({ disputed: true, amountRefunded: 1_000 })).toBe(PaymentStatus.disputed);
    expect(payment({ amountRefunded: 1_000 })).toBe(PaymentStatus.refunded);
    expect(payment({ amountRefunded: 1 })).toBe(PaymentStatus.partially_refunded);
  });
});
