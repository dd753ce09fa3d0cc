import { immediateEntry, type LedgerEntry, type Parties } from '../postings/entries.rules.js';
import { ledgerAccount } from '../postings/ledger-accounts.rules.js';

const DAY = 24 * 3600 * 1000;

/** A rolling reserve in force: the part of each payment it holds, and for how many days. */
export interface RollingReserveTerms {
  percent: number;
  days: number;
}

/**
 * What a rolling reserve holds of one payment: `percent` of its net, rounded down to the minor
 * unit — never more than the available balance has (a refund since may have taken the rest),
 * so a hold never makes a balance negative.
 */
export function holdAmount(net: number, percent: number, available: number): number {
  if (net <= 0) return 0;
  return Math.max(0, Math.min(Math.floor((net * percent) / 100), available));
}

/** The day held money is released: the start (UTC) of the day it was held, `days` later. */
export function releaseOn(heldAt: Date, days: number): Date {
  const day = Math.floor(heldAt.getTime() / DAY) * DAY;
  return new Date(day + days * DAY);
}

/**
 * What a release gives back: what the hold put in, unless refunds or disputes have drawn the
 * reserve below it since (they take from the reserve first); then what is left.
 */
export function releaseAmount(held: number, reserve: number): number {
  return Math.max(0, Math.min(held, reserve));
}

/** Part of a payment moves from the available balance into the reserve. */
export function reserveHoldEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'reserve_hold',
    amount: -parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.reserve(parties.accountId), amount: parties.amount },
    ],
    earnings: 0,
  });
}

/** Held money comes back from the reserve to the available balance. */
export function reserveReleaseEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'reserve_release',
    amount: parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.reserve(parties.accountId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: parties.amount },
    ],
    earnings: 0,
  });
}
