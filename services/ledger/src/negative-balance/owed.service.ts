import type { EntityManager } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { lockOwnBalances } from '../postings/own-balances.service.js';

/**
 * What an account owes in a currency now — its available balance below zero, counting pending
 * money whose day has come (as the balance shown does) — under the lock every writer of its
 * available balance takes, so nothing can make it good or worse until the caller commits.
 * Returns 0 when nothing is owed.
 */
export async function lockOwed(
  manager: EntityManager,
  account: AccountRef,
  currency: string,
  now: Date,
): Promise<number> {
  const { available } = await lockOwnBalances(manager, account, currency);
  const [due] = (await manager.query(
    `SELECT COALESCE(SUM(net), 0) AS net FROM balance_transactions
     WHERE account_id = ? AND livemode = ? AND status = 'pending' AND available_on <= ?
       AND currency = ? AND type NOT IN ('topup', 'recovery_debit')`,
    [account.accountId, account.livemode, now, currency],
  )) as Array<{ net: string }>;
  return Math.max(0, -(available + Number(due?.net ?? 0)));
}
