import type { EntityManager, EntityTarget } from 'typeorm';
import { insertRows } from '@dash/db';
import { newId } from '@dash/ids';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { touchReads } from '@dash/read-cache';
import {
  amountOverflow,
  REPORTING_CATEGORY,
  type LedgerEntry,
  type Posting,
} from './entries.rules.js';
import { isConnectedAccountLedger, SHARED_ACCOUNT_SHARDS } from './ledger-accounts.rules.js';
import {
  BalanceTransaction,
  BalanceTransactionStatus,
} from '../balance-transaction/balance-transaction.entity.js';

/** The UTC hour a moment falls in: the earnings rollup's key. */
export const hourOf = (moment: Date) =>
  new Date(Math.floor(moment.getTime() / 3_600_000) * 3_600_000);

/** Postings of one balance transaction, in its mode and currency. */
export interface PostingSet {
  livemode: boolean;
  currency: string;
  postings: Posting[];
}

/**
 * Adds postings to their ledger accounts' balances, several balance transactions' at once. The
 * amounts for one balance row are summed first, and rows are updated in one fixed order (the
 * table's key order) so two concurrent writers never wait for each other in a cycle.
 */
export async function applyPostingSets(manager: EntityManager, sets: PostingSet[]): Promise<void> {
  const rows = new Map<
    string,
    { ledgerAccount: string; currency: string; livemode: boolean; shard: number; amount: number }
  >();
  for (const { livemode, currency, postings } of sets)
    for (const posting of postings) {
      const key = `${posting.ledgerAccount}|${currency}|${livemode}`;
      const row = rows.get(key);
      if (row) row.amount += posting.amount;
      else
        rows.set(key, {
          ledgerAccount: posting.ledgerAccount,
          currency,
          livemode,
          shard: isConnectedAccountLedger(posting.ledgerAccount)
            ? 0
            : Math.floor(Math.random() * SHARED_ACCOUNT_SHARDS),
          amount: posting.amount,
        });
    }
  if (rows.size === 0) return;
  const ordered = [...rows.values()].sort(
    (a, b) =>
      a.ledgerAccount.localeCompare(b.ledgerAccount) ||
      a.currency.localeCompare(b.currency) ||
      Number(a.livemode) - Number(b.livemode),
  );
  await refuseOutOfRange(() =>
    manager.query(
      `INSERT INTO ledger_balances (livemode, ledger_account, currency, shard, amount)
       VALUES ${ordered.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)`,
      ordered.flatMap((row) => [
        row.livemode,
        row.ledgerAccount,
        row.currency,
        row.shard,
        row.amount,
      ]),
    ),
  );
  // Every balance must stay one JavaScript reads exactly: checked inside the transaction, so a
  // movement that would pass it rolls back whole.
  const accountsOf = new Map<
    string,
    { livemode: boolean; currency: string; accounts: Set<string> }
  >();
  for (const row of ordered) {
    const group = `${row.livemode}|${row.currency}`;
    const found = accountsOf.get(group);
    if (found) found.accounts.add(row.ledgerAccount);
    else
      accountsOf.set(group, {
        livemode: row.livemode,
        currency: row.currency,
        accounts: new Set([row.ledgerAccount]),
      });
  }
  const groups = [...accountsOf.values()];
  const [beyond] = (await manager.query(
    `SELECT ledger_account FROM ledger_balances
     WHERE ${groups.map(() => '(livemode = ? AND currency = ? AND ledger_account IN (?))').join(' OR ')}
     GROUP BY livemode, currency, ledger_account HAVING ABS(SUM(amount)) > ? LIMIT 1`,
    [
      ...groups.flatMap((group) => [group.livemode, group.currency, [...group.accounts]]),
      MAX_SAFE_SQL,
    ],
  )) as Array<{ ledger_account: string }>;
  if (beyond) throw amountOverflow();
}

/** Adds one balance transaction's postings to the balances (see `applyPostingSets`). */
export const applyPostings = (
  manager: EntityManager,
  livemode: boolean,
  currency: string,
  postings: Posting[],
) => applyPostingSets(manager, [{ livemode, currency, postings }]);

/** 2^53 − 1 as SQL compares it (a string, so no driver rounds it). */
const MAX_SAFE_SQL = String(Number.MAX_SAFE_INTEGER);

/** MySQL's out-of-range error (a BIGINT would overflow) as the same typed refusal. */
async function refuseOutOfRange<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const errno =
      (error as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ??
      (error as { errno?: number }).errno;
    if (errno === 1690 || errno === 1264) throw amountOverflow();
    throw error;
  }
}

/** Records the postings of several balance transactions, in one statement. */
export async function insertPostingSets(
  manager: EntityManager,
  sets: Array<PostingSet & { balanceTransactionId: string; createdAt: Date }>,
): Promise<void> {
  const rows = sets.flatMap((set) => set.postings.map((posting) => ({ set, posting })));
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO postings (balance_transaction_id, livemode, ledger_account, currency, amount, created_at)
     VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    rows.flatMap(({ set, posting }) => [
      set.balanceTransactionId,
      set.livemode,
      posting.ledgerAccount,
      set.currency,
      posting.amount,
      set.createdAt,
    ]),
  );
}

/** Records one balance transaction's postings. */
export const insertPostings = (
  manager: EntityManager,
  balanceTransactionId: string,
  livemode: boolean,
  currency: string,
  postings: Posting[],
  createdAt: Date,
) =>
  insertPostingSets(manager, [{ balanceTransactionId, livemode, currency, postings, createdAt }]);

/** Moves the earnings rollup's hours by the entries' earnings, each hour's row once. */
async function addEarnings(
  manager: EntityManager,
  earned: Array<{ account: AccountRef; currency: string; hour: Date; amount: number }>,
): Promise<void> {
  const rows = new Map<
    string,
    { account: AccountRef; currency: string; hour: Date; amount: number }
  >();
  for (const item of earned) {
    if (item.amount === 0) continue;
    const key = `${item.account.accountId}|${item.account.livemode}|${item.currency}|${item.hour.getTime()}`;
    const row = rows.get(key);
    if (row) row.amount += item.amount;
    else rows.set(key, { ...item });
  }
  if (rows.size === 0) return;
  // In the table's key order, as the balances above, so concurrent writers never cycle.
  const ordered = [...rows.values()].sort(
    (a, b) =>
      a.account.accountId.localeCompare(b.account.accountId) ||
      Number(a.account.livemode) - Number(b.account.livemode) ||
      a.currency.localeCompare(b.currency) ||
      a.hour.getTime() - b.hour.getTime(),
  );
  const keyOf = (row: (typeof ordered)[number]) => [
    row.account.accountId,
    row.account.livemode,
    row.currency,
    row.hour,
  ];
  await refuseOutOfRange(() =>
    manager.query(
      `INSERT INTO earnings_hourly (account_id, livemode, currency, hour, net)
       VALUES ${ordered.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE net = net + VALUES(net)`,
      ordered.flatMap((row) => [...keyOf(row), row.amount]),
    ),
  );
  const [beyond] = (await manager.query(
    `SELECT 1 AS beyond FROM earnings_hourly
     WHERE (${ordered.map(() => '(account_id = ? AND livemode = ? AND currency = ? AND hour = ?)').join(' OR ')})
       AND ABS(net) > ? LIMIT 1`,
    [...ordered.flatMap(keyOf), MAX_SAFE_SQL],
  )) as unknown[];
  if (beyond) throw amountOverflow();
}

/** An entry to post for an account; `id` when it was promised beforehand (an idempotency key's result). */
export interface EntryToPost {
  account: AccountRef;
  entry: LedgerEntry;
  createdAt: Date;
  id?: string;
}

/**
 * Writes balance transactions with their postings, and moves the ledger balances and the
 * earnings rollup by the same amounts — all through `manager`, the caller's transaction, so
 * they can never disagree. Several entries at once cost the statements of one.
 */
export async function postEntries(
  manager: EntityManager,
  items: EntryToPost[],
): Promise<BalanceTransaction[]> {
  if (items.length === 0) return [];
  const repository = manager.getRepository(BalanceTransaction);
  const transactions = items.map(({ account, entry, createdAt, id }) =>
    repository.create({
      id: id ?? newId('balanceTransaction'),
      accountId: account.accountId,
      platformId: account.platformId,
      livemode: account.livemode,
      type: entry.type,
      reportingCategory: REPORTING_CATEGORY[entry.type],
      amount: entry.amount,
      fee: entry.fee,
      feeDetails: entry.feeDetails,
      net: entry.net,
      currency: entry.currency,
      status: entry.status as BalanceTransactionStatus,
      availableOn: entry.availableOn,
      description: entry.description,
      source: entry.sourceId,
      payoutId: null,
      createdAt,
    }),
  );
  await insertRows(manager, BalanceTransaction, transactions);
  await touchReads(manager, ...items.map(({ account }) => ({ accountId: account.accountId })));
  const sets = items.map(({ account, entry, createdAt }, index) => ({
    balanceTransactionId: transactions[index]!.id,
    livemode: account.livemode,
    currency: entry.currency,
    postings: entry.postings,
    createdAt,
  }));
  await insertPostingSets(manager, sets);
  await applyPostingSets(manager, sets);
  await addEarnings(
    manager,
    items.map(({ account, entry, createdAt }) => ({
      account,
      currency: entry.currency,
      hour: hourOf(createdAt),
      amount: entry.earnings,
    })),
  );
  return transactions;
}

/** Writes one balance transaction with everything it moves (see `postEntries`). */
export async function postEntry(
  manager: EntityManager,
  account: AccountRef,
  entry: LedgerEntry,
  createdAt: Date,
  /** Set when the id was promised beforehand (an idempotency key's result). */
  id = newId('balanceTransaction'),
): Promise<BalanceTransaction> {
  const [transaction] = await postEntries(manager, [{ account, entry, createdAt, id }]);
  return transaction!;
}

/**
 * Writes objects that move money (charges, transfers, refunds) with the balance transactions
 * that post their entries; one with no entry (a declined card) is written alone.
 */
export async function recordWithEntries<
  Row extends AccountRef & { balanceTransactionId: string | null },
>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  items: Array<{ row: Row; entry: LedgerEntry | null }>,
  createdAt: Date,
): Promise<Row[]> {
  const posting = items.filter((item) => item.entry !== null);
  const posted = await postEntries(
    manager,
    posting.map(({ row, entry }) => ({ account: accountRefOf(row), entry: entry!, createdAt })),
  );
  posting.forEach((item, index) => (item.row.balanceTransactionId = posted[index]!.id));
  const rows = items.map((item) => item.row);
  await insertRows(manager, entity, rows);
  // A declined card posts nothing, yet shows in the account's payments.
  await touchReads(manager, ...rows.map((row) => ({ accountId: row.accountId })));
  return rows;
}

/** Writes one object that moves money with its entry's balance transaction (see above). */
export async function recordWithEntry<
  Row extends AccountRef & { balanceTransactionId: string | null },
>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  row: Row,
  entry: LedgerEntry | null,
  createdAt: Date,
): Promise<Row> {
  await recordWithEntries(manager, entity, [{ row, entry }], createdAt);
  return row;
}
