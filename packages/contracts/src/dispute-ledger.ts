/**
 * How the disputes service moves money through the ledger: the disputed amount (and a dispute
 * fee) taken back when a dispute opens, returned when it is won, and top-ups of the
 * refunds-and-disputes reserve. Each is idempotent by the dispute's or top-up's id. The ledger
 * checks the charge belongs to the platform and mode given.
 */
export const CHARGE_FACTS_PATH = '/internal/charges/facts';
export const DISPUTE_WITHDRAWAL_PATH = '/internal/disputes/withdraw';
export const DISPUTE_REINSTATEMENT_PATH = '/internal/disputes/reinstate';
export const DISPUTE_INQUIRY_PATH = '/internal/disputes/inquiry';
/** An inquiry closed without a refund: its payment may be refunded in part again. */
export const DISPUTE_INQUIRY_CLOSED_PATH = '/internal/disputes/inquiry/closed';
export const RESERVE_TOPUP_PATH = '/internal/reserve/topup';
/** The bank debit behind a top-up settled: the money moves from pending to the reserve. */
export const RESERVE_TOPUP_SETTLED_PATH = '/internal/reserve/topup/settled';
/** The bank debit behind a top-up failed: the pending money goes back where it came from. */
export const RESERVE_TOPUP_FAILED_PATH = '/internal/reserve/topup/failed';

export interface ChargeFactsRequest {
  chargeId: string;
  platformId: string;
  livemode: boolean;
}

export interface ChargeFacts {
  chargeId: string;
  accountId: string;
  amount: number;
  amountRefunded: number;
  /** What a dispute may still claim: neither refunded nor held by a dispute. */
  disputable: number;
  /** The payment's dispute, where one is registered (one per payment). */
  disputeId: string | null;
  currency: string;
  succeeded: boolean;
}

/**
 * An inquiry registers on its payment before it exists in the disputes service: from then on
 * a refund of the payment is only the full one, which closes the inquiry. Idempotent by
 * dispute id; a payment takes one dispute.
 */
export interface DisputeInquiryRequest extends ChargeFactsRequest {
  disputeId: string;
  amount: number;
}

export interface DisputeInquiryClosedRequest {
  disputeId: string;
}

export interface DisputeRegistration {
  disputeId: string;
  /** Null where no payment has the dispute (one the ledger never registered). */
  chargeId: string | null;
}

/**
 * A chargeback registers on its payment and takes the amount and fee back, in one step under
 * the payment's lock (refunds take the same lock): a payment is never both refunded and
 * charged back beyond its amount.
 */
export interface DisputeWithdrawalRequest extends ChargeFactsRequest {
  disputeId: string;
  amount: number;
  fee: number;
  description: string;
}

export interface DisputeReinstatementRequest {
  disputeId: string;
  /** The withdrawal's balance transaction, as the withdrawal answered. */
  balanceTransactionId: string;
  /** Give the dispute fee back too (where the network's rules say so). */
  returnFee: boolean;
  description: string;
}

export interface ReserveTopupRequest {
  topupId: string;
  accountId: string;
  platformId: string;
  livemode: boolean;
  amount: number;
  currency: string;
  description: string;
}

/** The rail's answer about a top-up's bank debit. Idempotent by top-up id. */
export interface ReserveTopupOutcomeRequest {
  topupId: string;
  description: string;
}

export interface LedgerMovement {
  balanceTransactionId: string;
  /** The movement's own amount (negative when money leaves the account). */
  amount: number;
  fee: number;
}
