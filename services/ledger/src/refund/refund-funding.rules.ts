import { DashError } from '@dash/errors';
import { formatMoney } from '@dash/money';

/** What an account's own refund may draw on, read under its balance rows' lock. */
export interface RefundFunds {
  reserve: number;
  available: number;
  /**
   * The refunded payment's own share that has not reached the balance yet: while it is still
   * pending, its whole amount (its net settles later in place of what the refund takes; its
   * fees, which a refund does not return, are the most it can leave owing); once settled, 0.
   */
  ownPending: number;
}

/**
 * The most an account may refund of its own accord: its reserve, what is available (never
 * less than nothing), and what the refunded payment has not yet paid it. Beyond that the
 * refund would be paid for by the platform — after a payout, by money already gone to the
 * account's bank — so the account is refused; the platform may still refund, at its own risk.
 */
export const accountRefundLimit = ({ reserve, available, ownPending }: RefundFunds): number =>
  Math.max(reserve, 0) + Math.max(available, 0) + ownPending;

export function refuseUnfundedRefund(amount: number, currency: string, funds: RefundFunds): void {
  const fundable = accountRefundLimit(funds);
  if (amount <= fundable) return;
  throw new DashError(
    'FAILED_PRECONDITION',
    `Your balance and reserve (${formatMoney(fundable, currency, 'en')}) do not cover this refund (${formatMoney(amount, currency, 'en')}). Top up your reserve, or ask your platform to refund it.`,
    { reason: 'INSUFFICIENT_FUNDS', field: 'amount', fundable },
  );
}
