import type { DataSource } from 'typeorm';
import { preparedMany, preparedManyEach } from '@dash/db';
import { afterKeyset, type Keyset } from '@dash/subgraph';
import type { AccountRef } from '@dash/contracts';
import type { BalanceTransactionType } from '../postings/entries.rules.js';
import { BalanceTransaction } from './balance-transaction.entity.js';

export interface TransactionFilter {
  types?: BalanceTransactionType[] | undefined;
  currency?: string | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  /** What one automatic payout paid out (its own transaction left out). */
  payout?: string | undefined;
}

/**
 * An account's balance transactions, newest first, filtered and paged by keyset (created, id),
 * so a page deep in a long history costs the same as the first. The index on
 * (account_id, livemode, created_at, id) serves every filter.
 */
export class BalanceTransactions {
  constructor(private readonly dataSource: DataSource) {}

  query(account: AccountRef, filter: TransactionFilter, after?: Keyset) {
    const query = this.dataSource
      .getRepository(BalanceTransaction)
      .createQueryBuilder('txn')
      .where('txn.account_id = :accountId AND txn.livemode = :livemode', account);
    if (filter.types?.length) query.andWhere('txn.type IN (:...types)', { types: filter.types });
    if (filter.payout)
      query.andWhere(
        'txn.payout_id = :payout AND (txn.source_id IS NULL OR txn.source_id <> :payout)',
        {
          payout: filter.payout,
        },
      );
    if (filter.currency) query.andWhere('txn.currency = :currency', { currency: filter.currency });
    if (filter.createdFrom) query.andWhere('txn.created_at >= :from', { from: filter.createdFrom });
    if (filter.createdTo) query.andWhere('txn.created_at < :to', { to: filter.createdTo });
    if (filter.amountMin !== undefined)
      query.andWhere('txn.amount >= :amountMin', { amountMin: filter.amountMin });
    if (filter.amountMax !== undefined)
      query.andWhere('txn.amount <= :amountMax', { amountMax: filter.amountMax });
    return afterKeyset(query, 'txn', after)
      .orderBy('txn.created_at', 'DESC')
      .addOrderBy('txn.id', 'DESC');
  }

  /**
   * One page of the list, from a read replica: a transaction a second late shows on the next
   * refresh. Balances — what a payout may take — are summed on the primary (Balances).
   */
  page(account: AccountRef, filter: TransactionFilter, first: number, after?: Keyset) {
    return preparedMany(this.query(account, filter, after).take(first + 1), { replica: true });
  }

  /** The first page of `page` for many accounts of one mode, with one statement. */
  firstPages(accounts: readonly AccountRef[], filter: TransactionFilter, first: number) {
    return preparedManyEach(
      accounts.map((account) => this.query(account, filter).take(first + 1)),
      { replica: true },
    );
  }

  /** The same rows, one at a time, for exports that must not hold a whole history in memory. */
  stream(account: AccountRef, filter: TransactionFilter) {
    return this.query(account, filter).stream();
  }

  find(account: AccountRef, id: string): Promise<BalanceTransaction | null> {
    return this.dataSource.getRepository(BalanceTransaction).findOneBy({ ...account, id });
  }
}
