import type { ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import type { BalanceRepository } from './balances.repository.js';

/**
 * An account with money left, or owing money, in any currency cannot close. What counts is the
 * total: a refund taken from available while the charge is still pending nets to nothing.
 */
export async function ledgerClosureBlockers(
  balances: BalanceRepository,
  { accountId, livemode }: ClosureCheckRequest,
): Promise<ClosureBlocker[]> {
  const left = (await balances.balances({ accountId, livemode }, new Date())).filter(
    (balance) => balance.total !== 0,
  );
  if (left.length === 0) return [];
  const currencies = left.map((balance) => balance.currency.toUpperCase()).join(', ');
  return [
    {
      reason: 'BALANCE_REMAINING',
      message: `A balance remains (${currencies}); it must be paid out or settled first.`,
    },
  ];
}
