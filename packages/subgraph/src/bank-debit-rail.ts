/**
 * One pull of money from an account's bank: a top-up of its refunds-and-disputes reserve (the
 * disputes service), or the recovery of a negative balance (the payouts service).
 */
export interface RailDebit {
  id: string;
  accountId: string;
  amount: number;
  currency: string;
  /**
   * The bank account to debit, where one was named (a test account number, or the number's last
   * four digits, which is all the simulated rail reads); otherwise the account's own on file.
   */
  source: string | null;
}

export type DebitStatus =
  { state: 'pending' } | { state: 'settled' } | { state: 'failed'; code: string; message: string };

/**
 * The way money comes in from an account's bank (ACH debit, SEPA direct debit). A debit takes
 * days and may come back, so the money stays pending until the rail says it settled. The
 * simulated rail implements it for development and tests; a real one (a bank partner's debit
 * API) implements the same two calls, each idempotent by the debit's id.
 */
export interface BankDebitRail {
  /** Starts pulling the money; answers the rail's reference for it. */
  debit(debit: RailDebit): Promise<{ reference: string }>;
  /** Where a started debit is now. */
  status(debit: RailDebit & { reference: string; sentAt: Date }): Promise<DebitStatus>;
}
