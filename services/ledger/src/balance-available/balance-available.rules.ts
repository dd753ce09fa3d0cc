import type { AccountRef } from '@dash/contracts';

/** A balance transaction whose pending funds became available in the sweep's window. */
export interface BecameAvailable extends AccountRef {
  availableOn: Date;
}

/** How much one sweep transaction takes on. */
export interface SweepBounds {
  /** The most accounts one transaction reports (and reads the balances of). */
  maxAccounts: number;
  /** The most balance transactions one transaction reads (at least `maxAccounts`). */
  maxRows: number;
}

export const DEFAULT_SWEEP_BOUNDS: SweepBounds = { maxAccounts: 500, maxRows: 2_000 };

/**
 * What one sweep transaction does with the window's first rows:
 * - `batch`: report these accounts and move the watermark to `sweptTo`. Every row with
 *   `availableOn` up to `sweptTo` was among those read, so nothing at or before it is left.
 * - `crowded`: the first moment of the window alone holds more than one batch (more accounts,
 *   or more rows than were read): report every account with funds due at exactly `at`, then
 *   move the watermark there — the only way past that moment.
 */
export type SweepPlan =
  { kind: 'batch'; accounts: AccountRef[]; sweptTo: Date } | { kind: 'crowded'; at: Date };

const accountKey = (account: AccountRef) => `${account.livemode ? 1 : 0}:${account.accountId}`;

/**
 * Plans one sweep transaction over the window (from, to]: `rows` are its first balance
 * transactions in `availableOn` order, at most `bounds.maxRows` of them (fewer means the window
 * holds no more). Whole moments only: a moment is never split between two transactions, so the
 * watermark never passes a row that was not reported, and never stops before one that was.
 */
export function planSweep(
  rows: readonly BecameAvailable[],
  to: Date,
  bounds: SweepBounds,
): SweepPlan {
  const complete = rows.length < bounds.maxRows;
  const accounts = new Map<string, AccountRef>();
  let sweptTo: Date | null = null;
  let start = 0;
  while (start < rows.length) {
    const moment = rows[start]!.availableOn.getTime();
    let end = start;
    while (end < rows.length && rows[end]!.availableOn.getTime() === moment) end += 1;
    // The last moment read may go on past what was read, unless the window ended first.
    const whole = end < rows.length || complete;
    const joining = new Map<string, AccountRef>();
    for (const row of rows.slice(start, end)) {
      const key = accountKey(row);
      const { accountId, platformId, livemode } = row;
      if (!accounts.has(key)) joining.set(key, { accountId, platformId, livemode });
    }
    if (!whole || accounts.size + joining.size > bounds.maxAccounts) {
      if (sweptTo === null) return { kind: 'crowded', at: new Date(moment) };
      return { kind: 'batch', accounts: [...accounts.values()], sweptTo };
    }
    for (const [key, account] of joining) accounts.set(key, account);
    sweptTo = new Date(moment);
    start = end;
  }
  // Everything the window holds was read (or it holds nothing): it is covered to its end.
  return { kind: 'batch', accounts: [...accounts.values()], sweptTo: to };
}

/** An account's balances as `balance.available` carries them: available and pending per currency. */
export function availableFacts(
  balances: ReadonlyArray<{ currency: string; available: number; pending: number }>,
) {
  return {
    available: balances.map(({ available, currency }) => ({ amount: available, currency })),
    pending: balances.map(({ pending, currency }) => ({ amount: pending, currency })),
  };
}
