import type { DataSource } from 'typeorm';
import type { Caller } from '@dash/auth-context';
import { accountRowsScope } from '@dash/subgraph';

/** One account's ledger rows, as far as the caller may see them. */
export interface LedgerScope {
  accountId: string;
  livemode: boolean;
}

/**
 * An account sees its own ledger; a platform sees the ledgers of its own accounts in its key's
 * mode. Ledger balances carry no platform, so a platform's claim is checked against the accounts
 * the ledger has moved money for (an account it never moved money for has nothing to see).
 */
export async function visibleScope(
  dataSource: DataSource,
  caller: Caller,
  accountId: string,
): Promise<LedgerScope | null> {
  const scope = accountRowsScope(caller, accountId);
  if (!scope) return null;
  if (scope.platformId === undefined) return { accountId, livemode: scope.livemode };
  const owned = (await dataSource.query(
    'SELECT 1 FROM accounts WHERE id = ? AND platform_id = ? AND livemode = ?',
    [accountId, scope.platformId, scope.livemode],
  )) as unknown[];
  return owned.length > 0 ? { accountId, livemode: scope.livemode } : null;
}

/**
 * Per-request memo of `visibleScope`: a dashboard query asks for several of an account's fields
 * (balances, transactions, earnings…), and the platform ownership check needs doing once.
 */
export function scopeLookup(dataSource: DataSource, caller: Caller) {
  const seen = new Map<string, Promise<LedgerScope | null>>();
  return (accountId: string) => {
    if (!seen.has(accountId)) seen.set(accountId, visibleScope(dataSource, caller, accountId));
    return seen.get(accountId)!;
  };
}
