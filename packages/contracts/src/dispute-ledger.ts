/**
 * How the disputes service moves money through the ledger: the disputed amount (and a dispute
 * fee) taken back when a dispute opens, returned when it is won, and top-ups of the
 * refunds-and-disputes reserve. Each is idempotent by the dispute's or top-up's id. The ledger
 * checks the charge belongs to the platform and mode given.
 */
export const CHARGE_FACTS_PATH = '/internal/charges/facts';
export const DISPUTE_WITHDRAWAL_PATH = '/internal/disputes/withdraw';
export const DISPUTE_REINSTATEMENT_PATH = '/internal/disputes/reinstate';
export const RESERVE_TOPUP_PATH = '/internal/reserve/topup';

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
  currency: string;
  succeeded: boolean;
}

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

export interface LedgerMovement {
  balanceTransactionId: string;
  /** The movement's own amount (negative when money leaves the account). */
  amount: number;
  fee: number;
}
