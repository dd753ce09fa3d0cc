import type { DataSource } from 'typeorm';
import type { AccountScope } from '@dash/subgraph';
import { BalanceTransaction } from './entities/balance-transaction.entity.js';
import type { BalanceSums } from './domain/balances.js';

export class BalanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sums one account's transactions per currency, split by whether they have settled at `now`. */
  async sumByCurrency(scope: AccountScope, now: Date): Promise<BalanceSums[]> {
    const query = this.dataSource
      .getRepository(BalanceTransaction)
      .createQueryBuilder('txn')
      .select('txn.currency', 'currency')
      .addSelect(
        'COALESCE(SUM(CASE WHEN txn.available_on <= :now THEN txn.net ELSE 0 END), 0)',
        'available',
      )
      .addSelect(
        'COALESCE(SUM(CASE WHEN txn.available_on > :now THEN txn.net ELSE 0 END), 0)',
        'pending',
      )
      .where('txn.account_id = :accountId', { accountId: scope.accountId, now })
      .andWhere('txn.livemode = :livemode', { livemode: scope.livemode })
      .groupBy('txn.currency');
    if (scope.platformId)
      query.andWhere('txn.platform_id = :platformId', { platformId: scope.platformId });
    const rows = await query.getRawMany<{ currency: string; available: string; pending: string }>();
    // SUM over BIGINT arrives as a decimal string; it is whole, so Number is exact below 2^53.
    return rows.map((row) => ({
      currency: row.currency,
      available: Number(row.available),
      pending: Number(row.pending),
    }));
  }
}
