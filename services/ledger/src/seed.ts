import type { DataSource } from 'typeorm';
import { BalanceTransaction } from './entities/balance-transaction.entity.js';

export type LedgerSeed = Array<Omit<BalanceTransaction, 'net'>>;

/** Writes demo transactions; running it twice leaves the same rows (upsert by id). */
export async function seedLedger(dataSource: DataSource, transactions: LedgerSeed): Promise<void> {
  await dataSource.getRepository(BalanceTransaction).upsert(
    transactions.map((txn) => ({ ...txn, net: txn.amount - txn.fee })),
    ['id'],
  );
}
