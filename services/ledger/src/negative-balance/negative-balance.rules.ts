import type { BalanceTransactionType } from '../postings/entries.rules.js';

const DAY = 24 * 3600 * 1000;

/** How long before a balance went negative its causes are looked for. */
export const CAUSES_LOOKBACK_DAYS = 30;

/** One change to an available balance, in the order they took effect. */
export interface AvailableChange {
  at: Date;
  delta: number;
}

/**
 * When a balance that ends at `end` last went from zero or more to below zero, replaying the
 * changes that led to it backwards; null when it was below zero before all of them (or is not
 * below zero at the end).
 */
export function wentNegativeAt(end: number, changes: AvailableChange[]): Date | null {
  if (end >= 0) return null;
  let after = end;
  for (let i = changes.length - 1; i >= 0; i -= 1) {
    const change = changes[i]!;
    const before = after - change.delta;
    if (before >= 0 && after < 0) return change.at;
    after = before;
  }
  return null;
}

/**
 * Since when a balance owing money now has owed it: a fresh crossing below zero among the
 * latest changes wins; otherwise what was known before; otherwise (first seen, below zero before
 * every change looked at) the first of those changes, or `now` when there were none.
 */
export function negativeSince(
  end: number,
  changes: AvailableChange[],
  known: Date | null,
  now: Date,
): Date {
  return wentNegativeAt(end, changes) ?? known ?? changes[0]?.at ?? now;
}

/** When a balance negative since `since` is recovered from the bank. */
export const recoveryDateOf = (since: Date, recoveryDays: number) =>
  new Date(since.getTime() + recoveryDays * DAY);

/**
 * Movements that take the account's available balance down without being debts: its own money
 * leaving (a payout), or money that never reached the available balance (a failed top-up or
 * recovery debit).
 */
const NOT_A_CAUSE: ReadonlySet<BalanceTransactionType> = new Set([
  'payout',
  'topup_reversal',
  'recovery_debit_failure',
]);

/** The kinds of debits that explain a negative balance, in the order `order` lists kinds. */
export function negativeCausesOf(
  debitTypes: BalanceTransactionType[],
  order: readonly BalanceTransactionType[],
): BalanceTransactionType[] {
  const seen = new Set(debitTypes.filter((type) => !NOT_A_CAUSE.has(type)));
  return order.filter((type) => seen.has(type));
}
