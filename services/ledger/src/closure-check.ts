import type { ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import type { BalanceRepository } from './balances.repository.js';

/** An account with money left (available or still pending) in any currency cannot close. */
export async function ledgerClosureBlockers(
  balances: BalanceRepository,
  { accountId, livemode }: ClosureCheckRequest,
): Promise<ClosureBlocker[]> {
  const sums = await balances.sumByCurrency({ accountId, livemode }, new Date());
  const left = sums.filter((sum) => sum.available !== 0 || sum.pending !== 0);
  if (left.length === 0) return [];
  const currencies = left.map((sum) => sum.currency.toUpperCase()).join(', ');
  return [
    {
      reason: 'BALANCE_REMAINING',
      message: `A balance remains (${currencies}); it must be paid out or settled first.`,
    },
  ];
}
