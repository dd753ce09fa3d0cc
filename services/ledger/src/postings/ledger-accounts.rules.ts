/**
 * The ledger accounts money moves between. A connected account has three: money still settling
 * (pending), money it can pay out (available), and what it keeps back for refunds and disputes
 * (reserve). Around them: the platform, the processor's fees, and the outside world (card
 * networks paying in, banks paying out). Every balance transaction's postings sum to zero across
 * these, so the sum of all balances is always zero.
 */
export const ledgerAccount = {
  pending: (accountId: string) => `acct:${accountId}:pending`,
  available: (accountId: string) => `acct:${accountId}:available`,
  reserve: (accountId: string) => `acct:${accountId}:reserve`,
  /** Top-ups of the reserve whose bank debit has not settled yet. */
  reservePending: (accountId: string) => `acct:${accountId}:reserve_pending`,
  /** Debits of the account's bank recovering a negative balance, not settled yet. */
  recoveryPending: (accountId: string) => `acct:${accountId}:recovery_pending`,
  platform: (platformId: string) => `plat:${platformId}`,
  fees: 'fees',
  external: 'external',
} as const;

/**
 * Accounts every movement touches (fees, the outside world, a busy platform) keep their balance
 * over this many rows, one picked at random per write, so concurrent movements do not queue on a
 * single row lock. A connected account's own balances keep one row each.
 */
export const SHARED_ACCOUNT_SHARDS = 16;

export const isConnectedAccountLedger = (ledgerAccountCode: string) =>
  ledgerAccountCode.startsWith('acct:');
