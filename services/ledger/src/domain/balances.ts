import type { Balance } from '../entities/balance.type.js';

export interface BalanceSums {
  currency: string;
  available: number;
  pending: number;
}

/** Balances in a stable order (by currency), with the total each screen shows. */
export function toBalances(sums: readonly BalanceSums[]): Balance[] {
  return [...sums]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((sum) => ({ ...sum, total: sum.available + sum.pending }));
}
