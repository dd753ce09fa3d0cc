import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import type { LedgerEntry } from '../domain/entries.js';
import { BalanceTransaction } from '../entities/balance-transaction.entity.js';
import { runIdempotent, type IdempotentRequest } from './idempotency.js';
import { postEntry } from './post-entry.js';

/** Whose a row is, as every posting is scoped: account, platform and mode. */
export const scopeOf = (row: { accountId: string; platformId: string; livemode: boolean }) => ({
  accountId: row.accountId,
  platformId: row.platformId,
  livemode: row.livemode,
});

/**
 * One balance transaction per idempotency key, for another service's command (a payout, a
 * dispute): `work` posts it under the id it is given; a repeated command reads it back.
 */
export function postOnce(
  dataSource: DataSource,
  request: Omit<IdempotentRequest, 'resultId'>,
  work: (manager: EntityManager, id: string) => Promise<BalanceTransaction>,
): Promise<BalanceTransaction> {
  const id = newId('balanceTransaction');
  return runIdempotent(
    dataSource,
    { ...request, resultId: id },
    (manager) => work(manager, id),
    async (firstId) =>
      (await dataSource.getRepository(BalanceTransaction).findOneBy({ id: firstId }))!,
  );
}

/**
 * Posts what gives back an earlier transaction of `original.type` from `original.source` (a
 * returned payout, a won dispute): the entry is built from the transaction it answers.
 */
export async function postReturnOf(
  manager: EntityManager,
  id: string,
  original: { balanceTransactionId: string; source: string; type: 'payout' | 'dispute' },
  build: (taken: BalanceTransaction, now: Date) => LedgerEntry,
  now: Date,
): Promise<BalanceTransaction> {
  const taken = await manager.getRepository(BalanceTransaction).findOneBy({
    id: original.balanceTransactionId,
    source: original.source,
    type: original.type,
  });
  if (!taken) throw notFound(`${original.type} balance transaction`, original.balanceTransactionId);
  return postEntry(manager, scopeOf(taken), build(taken, now), now, id);
}
