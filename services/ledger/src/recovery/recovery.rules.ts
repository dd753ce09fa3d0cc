import {
  balanced,
  immediateEntry,
  type LedgerEntry,
  type Parties,
  type Posting,
} from '../postings/entries.rules.js';
import { ledgerAccount } from '../postings/ledger-accounts.rules.js';

/**
 * A debit of the account's bank to recover its negative balance has started. The debit takes
 * days and may come back, so its money waits in the account's recovery-pending ledger account —
 * the negative balance is not made good yet — until the bank settles it.
 */
export function recoveryDebitEntry(parties: Parties & { amount: number }): LedgerEntry {
  return {
    ...immediateEntry(parties, {
      type: 'recovery_debit',
      amount: parties.amount,
      postings: [
        { ledgerAccount: ledgerAccount.external, amount: -parties.amount },
        { ledgerAccount: ledgerAccount.recoveryPending(parties.accountId), amount: parties.amount },
      ],
      earnings: 0,
    }),
    status: 'pending',
  };
}

/** The recovery debit settled: its money makes good the available balance. */
export function recoverySettlePostings(accountId: string, amount: number): Posting[] {
  return balanced([
    { ledgerAccount: ledgerAccount.recoveryPending(accountId), amount: -amount },
    { ledgerAccount: ledgerAccount.available(accountId), amount },
  ]);
}

/** The recovery debit failed: the pending money goes back to where it never left. */
export function recoveryDebitFailureEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'recovery_debit_failure',
    amount: -parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.recoveryPending(parties.accountId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.external, amount: parties.amount },
    ],
    earnings: 0,
  });
}

/**
 * What the platform covers of an uncollectible recovery debit: what the account still owes,
 * never more than the debit was for, and nothing once it owes nothing.
 */
export const coverAmount = (owed: number, debitAmount: number) =>
  Math.max(0, Math.min(owed, debitAmount));

/**
 * The bank could not be debited: the platform, liable for its accounts, makes good what the
 * account still owes from its own balance.
 */
export function negativeBalanceCoverEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'negative_balance_cover',
    amount: parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.platform(parties.platformId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: parties.amount },
    ],
    earnings: 0,
  });
}

/**
 * A settled top-up of the reserve makes good a negative balance first: of its `amount`, what
 * the account owes goes to the available balance, only the rest into the reserve.
 */
export function topupSplit(amount: number, owed: number): { madeGood: number; reserved: number } {
  const madeGood = Math.max(0, Math.min(owed, amount));
  return { madeGood, reserved: amount - madeGood };
}

/**
 * The part of a settled top-up that makes good the negative balance, as a movement of its own
 * into the available balance: what an automatic payout later pays out must be among the
 * unpaid transactions it sums, and a top-up (whose money is the reserve's) is not.
 */
export function topupMakeGoodEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'recovery_debit',
    amount: parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.reservePending(parties.accountId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: parties.amount },
    ],
    earnings: 0,
  });
}
