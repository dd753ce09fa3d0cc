/**
 * How the payouts service moves money through the ledger. Payouts owns the payout; the ledger
 * owns the balance, so only it can refuse a payout the available balance does not cover — under
 * a lock on that balance, whatever the concurrency. Both calls are idempotent by payout id.
 *
 * `POST <ledger origin>/internal/payouts/debit` → PayoutDebit, or a typed refusal
 * (FAILED_PRECONDITION with reason INSUFFICIENT_FUNDS or NOTHING_TO_PAY_OUT).
 */
export const PAYOUT_DEBIT_PATH = '/internal/payouts/debit';

/** `POST <ledger origin>/internal/payouts/reverse` → PayoutDebit of the reversal. */
export const PAYOUT_REVERSAL_PATH = '/internal/payouts/reverse';

export interface PayoutDebitRequest {
  payoutId: string;
  accountId: string;
  platformId: string;
  livemode: boolean;
  currency: string;
  /** Minor units, or 'available': all of the available balance (an automatic payout). */
  amount: number | 'available';
  /**
   * With 'available': only money from transactions made before this moment (ISO 8601) — the
   * schedule's rolling delay (`delayDays`), so each payment waits that long to be paid out.
   */
  createdBefore?: string;
  /** Taken from the balance on top of the amount (the instant payout fee). */
  fee: number;
  /** An automatic payout records which balance transactions it paid out. */
  automatic: boolean;
  description: string;
}

export interface PayoutReversalRequest {
  payoutId: string;
  /** The payout's own balance transaction, as the debit answered. */
  balanceTransactionId: string;
  reason: 'payout_failure' | 'payout_cancel';
  description: string;
}

export interface PayoutDebit {
  balanceTransactionId: string;
  /** What was paid out (for 'available', what the balance held), in minor units. */
  amount: number;
  fee: number;
}

/**
 * `POST <ledger origin>/internal/payouts/forecast` → PayoutForecast: what one currency of an
 * account holds now, and what an automatic payout made at `at` (taking only money from before
 * `createdBefore`, the rolling delay) would pay out — the debit's own rule, read without a lock.
 */
export const PAYOUT_FORECAST_PATH = '/internal/payouts/forecast';

export interface PayoutForecastRequest {
  accountId: string;
  livemode: boolean;
  currency: string;
  /** ISO 8601: when the payout would be made (now or later). */
  at: string;
  /** ISO 8601: the schedule's cutoff for that payout. */
  createdBefore: string;
}

export interface PayoutForecast {
  /** The balance now, in minor units. */
  available: number;
  pending: number;
  reserve: number;
  /** What the payout at `at` would pay out (0 when nothing). */
  payable: number;
}
