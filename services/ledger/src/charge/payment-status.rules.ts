/** How a payment reads in the payments list. */
export enum PaymentStatus {
  succeeded = 'succeeded',
  pending = 'pending',
  failed = 'failed',
  refunded = 'refunded',
  partially_refunded = 'partially_refunded',
  disputed = 'disputed',
}

/** A dispute outranks refunds, which outrank plain success: the most pressing fact shows. */
export function paymentStatus(charge: {
  outcome: 'succeeded' | 'pending' | 'failed';
  disputed: boolean;
  amount: number;
  amountRefunded: number;
}): PaymentStatus {
  if (charge.outcome !== 'succeeded') return PaymentStatus[charge.outcome];
  if (charge.disputed) return PaymentStatus.disputed;
  if (charge.amountRefunded >= charge.amount) return PaymentStatus.refunded;
  if (charge.amountRefunded > 0) return PaymentStatus.partially_refunded;
  return PaymentStatus.succeeded;
}
