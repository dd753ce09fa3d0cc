/**
 * How the payouts service recovers a negative balance from an account's bank through the
 * ledger. The ledger knows which balances are negative and for how long; payouts knows the
 * bank account and runs the debit. Every command is idempotent by the recovery debit's id (and
 * attempt, where a debit is tried again), and only the payouts service may call them.
 *
 * `POST <ledger origin>/internal/recoveries/due` → RecoveriesDue: balances negative for longer
 * than their platform's `recoveryDays`, with no recovery debit pending in the ledger.
 */
export const RECOVERIES_DUE_PATH = '/internal/recoveries/due';
/** The debit started: its money waits in `recoveryPending` until the bank settles it. */
export const RECOVERY_DEBIT_PATH = '/internal/recoveries/debit';
/** The debit settled: the pending money makes good the available balance. */
export const RECOVERY_DEBIT_SETTLED_PATH = '/internal/recoveries/debit/settled';
/** The debit failed: the pending money goes back where it never left. */
export const RECOVERY_DEBIT_FAILED_PATH = '/internal/recoveries/debit/failed';
/**
 * The debit could not be collected: the platform's balance covers what the account still owes
 * (never more than the debit's amount, nothing when it no longer owes) → RecoveryCover, or
 * FAILED_PRECONDITION with reason NOTHING_OWED.
 */
export const RECOVERY_COVER_PATH = '/internal/recoveries/cover';

export interface RecoveriesDueRequest {
  /** ISO 8601: the moment to judge by (the caller's clock). */
  at: string;
  /** At most this many (1–500). */
  limit: number;
}

export interface DueRecovery {
  accountId: string;
  platformId: string;
  livemode: boolean;
  currency: string;
  /** What the account owes now, in minor units (> 0). */
  amount: number;
  /** ISO 8601: since when the available balance has been below zero. */
  since: string;
}

export interface RecoveriesDue {
  due: DueRecovery[];
}

export interface RecoveryDebitRequest {
  recoveryDebitId: string;
  /** 1 for the first try; each try posts its own pending entry. */
  attempt: number;
  accountId: string;
  platformId: string;
  livemode: boolean;
  currency: string;
  amount: number;
  description: string;
}

/** The bank's answer about one attempt of a recovery debit. */
export interface RecoveryDebitOutcomeRequest {
  recoveryDebitId: string;
  attempt: number;
  description: string;
}

export interface RecoveryCoverRequest {
  recoveryDebitId: string;
  accountId: string;
  platformId: string;
  livemode: boolean;
  currency: string;
  /** The uncollectible debit's amount: the most the platform covers. */
  amount: number;
  description: string;
}

export interface RecoveryCover {
  balanceTransactionId: string;
  /** What the platform covered, in minor units (> 0). */
  amount: number;
}
