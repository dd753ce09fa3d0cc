import type { DataSource } from 'typeorm';
import { upsertSeedRows, type SeedRow } from '@dash/subgraph';
import { BalanceTransaction } from './entities/balance-transaction.entity.js';

export type LedgerSeed = Array<Omit<SeedRow<BalanceTransaction>, 'net'>>;

/** Writes demo transactions (net = amount − fee); running it twice changes nothing. */
export function seedLedger(dataSource: DataSource, transactions: LedgerSeed): Promise<void> {
  return upsertSeedRows(
    dataSource,
    BalanceTransaction,
    transactions.map((txn) => ({ ...txn, net: txn.amount - txn.fee })),
  );
}
