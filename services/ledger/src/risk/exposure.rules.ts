import type { NegativeBalance } from '../negative-balance/negative-balances.service.js';

const DAY = 24 * 3600 * 1000;

/** The ages the overview groups negative balances by, in whole days. */
export const AGE_BUCKETS: ReadonlyArray<{ minDays: number; maxDays: number | null }> = [
  { minDays: 0, maxDays: 6 },
  { minDays: 7, maxDays: 29 },
  { minDays: 30, maxDays: null },
];

/** What the platform's accounts owe together, per currency (positive), by currency. */
export function exposureOf(owed: NegativeBalance[]): Array<{ currency: string; amount: number }> {
  const sums = new Map<string, number>();
  for (const balance of owed)
    sums.set(balance.currency, (sums.get(balance.currency) ?? 0) + balance.amount);
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({
      currency,
      amount,
    }));
}

/** Negative balances per currency and age bucket; only buckets that hold some. */
export function bucketsOf(owed: NegativeBalance[], now: Date) {
  const buckets = new Map<
    string,
    {
      minDays: number;
      maxDays: number | null;
      currency: string;
      amount: number;
      accounts: Set<string>;
    }
  >();
  for (const balance of owed) {
    const age = Math.max(0, Math.floor((now.getTime() - balance.since.getTime()) / DAY));
    const bucket = AGE_BUCKETS.find(
      ({ minDays, maxDays }) => age >= minDays && (maxDays === null || age <= maxDays),
    )!;
    const key = `${balance.currency}:${bucket.minDays}`;
    const entry = buckets.get(key) ?? {
      ...bucket,
      currency: balance.currency,
      amount: 0,
      accounts: new Set(),
    };
    entry.amount += balance.amount;
    entry.accounts.add(balance.accountId);
    buckets.set(key, entry);
  }
  return [...buckets.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency) || a.minDays - b.minDays)
    .map(({ accounts, ...bucket }) => ({ ...bucket, accounts: accounts.size }));
}
