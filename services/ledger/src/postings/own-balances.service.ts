import type { EntityManager } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { ledgerAccount } from './ledger-accounts.rules.js';

/**
 * Locks an account's available and reserve balance rows (in the order every writer takes them)
 * and reads them: whatever this transaction then takes from them, no concurrent one can take
 * the same money.
 */
export async function lockOwnBalances(
  manager: EntityManager,
  account: AccountRef,
  currency: string,
): Promise<{ available: number; reserve: number }> {
  const available = ledgerAccount.available(account.accountId);
  const reserve = ledgerAccount.reserve(account.accountId);
  const rows = (await manager.query(
    `SELECT ledger_account, amount FROM ledger_balances
     WHERE livemode = ? AND currency = ? AND shard = 0 AND ledger_account IN (?, ?)
     ORDER BY ledger_account FOR UPDATE`,
    [account.livemode, currency, available, reserve],
  )) as Array<{ ledger_account: string; amount: string }>;
  const amountOf = (code: string) =>
    Number(rows.find((row) => row.ledger_account === code)?.amount ?? 0);
  return { available: amountOf(available), reserve: amountOf(reserve) };
}
