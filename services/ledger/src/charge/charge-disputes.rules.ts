import { DashError } from '@dash/errors';

/**
 * What the ledger keeps of a payment's dispute: a chargeback (`needs_response`, from the
 * moment it opens until it is won — a lost one keeps the money with the cardholder, so for a
 * refund it stays as it was), an inquiry open or closed, or a won chargeback.
 */
export const CHARGE_DISPUTE_STATUSES = [
  'needs_response',
  'warning_needs_response',
  'warning_closed',
  'won',
] as const;
export type ChargeDisputeStatus = (typeof CHARGE_DISPUTE_STATUSES)[number];

/** A chargeback still open, or lost: the cardholder has (or will get) the money back from it. */
export const refundBlockedBy = (status: ChargeDisputeStatus | null | undefined) =>
  status === 'needs_response';

export const isOpenInquiry = (status: ChargeDisputeStatus | null | undefined) =>
  status === 'warning_needs_response';

/**
 * Whether a refund of `amount` may go ahead on a payment with this dispute state, and whether
 * it closes an inquiry. A chargeback refuses every refund (the cardholder would be paid twice);
 * an inquiry is answered by refunding the whole payment, never a part of it.
 */
export function refundAgainstDispute(
  charge: { disputeStatus: ChargeDisputeStatus | null; amount: number; amountRefunded: number },
  amount: number,
): { closesInquiry: boolean } {
  if (refundBlockedBy(charge.disputeStatus))
    throw new DashError(
      'FAILED_PRECONDITION',
      'This payment is disputed: the card network decides where its money goes, so it cannot be refunded.',
      { reason: 'CHARGE_DISPUTED' },
    );
  if (!isOpenInquiry(charge.disputeStatus)) return { closesInquiry: false };
  if (charge.amountRefunded + amount !== charge.amount)
    throw new DashError(
      'FAILED_PRECONDITION',
      'The cardholder asked their bank about this payment: refund all of it to close the inquiry, or answer it.',
      { reason: 'CHARGE_DISPUTED', field: 'amount', inquiry: true },
    );
  return { closesInquiry: true };
}
