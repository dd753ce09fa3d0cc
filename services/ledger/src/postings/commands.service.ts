import { In, type DataSource, type EntityManager } from 'typeorm';
import { accountRefOf } from '@dash/contracts';
import { notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import type { IdempotencyKeys, IdempotentRequest } from '@dash/subgraph';
import { BalanceTransaction } from '../balance-transaction/balance-transaction.entity.js';
import type { BalanceTransactionType, LedgerEntry } from './entries.rules.js';
import { postEntry } from './post-entry.service.js';

/**
 * The balance transaction a command of another service already posted, found by the command's
 * own id (the dispute, payout or top-up it moves money for) and the type it posts.
 */
export function earlierEffect(
  manager: EntityManager,
  source: string,
  types: BalanceTransactionType[],
): Promise<BalanceTransaction | null> {
  return manager.getRepository(BalanceTransaction).findOne({
    where: { source, type: In(types) },
    order: { createdAt: 'ASC' },
  });
}

/**
 * Another service's commands (a payout's, a dispute's), each posting one balance transaction.
 * A command that is tried again (its answer was lost to a timeout) is answered by what it did
 * the first time — found by its idempotency key, or failing that (the key expired, or the
 * caller's parameters drifted) by its own effect looked up by id — before anything is validated
 * against the state it already changed.
 */
export class ServiceCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeys,
  ) {}

  /** Runs `work`, which posts under the id it is given, once per command (see the class). */
  async postOnce(
    request: Omit<IdempotentRequest, 'resultId'>,
    earlier: (manager: EntityManager) => Promise<BalanceTransaction | null>,
    work: (manager: EntityManager, id: string) => Promise<BalanceTransaction>,
  ): Promise<BalanceTransaction> {
    const done = await earlier(this.dataSource.manager);
    if (done) return done;
    const id = newId('balanceTransaction');
    return this.keys.once(
      { ...request, resultId: id },
      async (manager) => (await earlier(manager)) ?? work(manager, id),
      async (firstId) =>
        (await this.dataSource.getRepository(BalanceTransaction).findOneBy({ id: firstId })) ??
        (await earlier(this.dataSource.manager))!,
    );
  }
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
  return postEntry(manager, accountRefOf(taken), build(taken, now), now, id);
}
