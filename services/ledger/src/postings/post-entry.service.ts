import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
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

/** The INSERT statement of each entity, built from its metadata once. */
const insertPlans = new WeakMap<EntityMetadata, { sql: string; columns: ColumnMetadata[] }>();

function insertPlan(metadata: EntityMetadata) {
  let plan = insertPlans.get(metadata);
  if (!plan) {
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    plan = {
      columns,
      sql: `INSERT INTO \`${metadata.tableName}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    };
    insertPlans.set(metadata, plan);
  }
  return plan;
}

/**
 * Inserts one entity row and nothing else. A repository insert would read the row back for its
 * column defaults and build its SQL anew each time: on the posting path, where every charge
 * writes several rows, that was a round trip and most of the CPU per row.
 */
export async function insertRow<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  row: Row,
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const { sql, columns } = insertPlan(metadata);
  const driver = manager.connection.driver;
  await manager.query(
    sql,
    columns.map((column) =>
      driver.preparePersistentValue(column.getEntityValue(row, true), column),
    ),
  );
}

/** The UTC hour a moment falls in: the earnings rollup's key. */
export const hourOf = (moment: Date) =>
  new Date(Math.floor(moment.getTime() / 3_600_000) * 3_600_000);

/**
 * Adds postings to their ledger accounts' balances. Rows are updated in one fixed order (by
 * account, then shard) so two concurrent writers never wait for each other in a cycle.
 */
export async function applyPostings(
  manager: EntityManager,
  livemode: boolean,
  currency: string,
  postings: Posting[],
): Promise<void> {
  const rows = postings
    .map((posting) => ({
      ...posting,
      shard: isConnectedAccountLedger(posting.ledgerAccount)
        ? 0
        : Math.floor(Math.random() * SHARED_ACCOUNT_SHARDS),
    }))
    .sort((a, b) => a.ledgerAccount.localeCompare(b.ledgerAccount) || a.shard - b.shard);
  await refuseOutOfRange(() =>
    manager.query(
      `INSERT INTO ledger_balances (livemode, ledger_account, currency, shard, amount)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)`,
      rows.flatMap((row) => [livemode, row.ledgerAccount, currency, row.shard, row.amount]),
    ),
  );
  // Every balance must stay one JavaScript reads exactly: checked inside the transaction, so a
  // movement that would pass it rolls back whole.
  const [beyond] = (await manager.query(
    `SELECT ledger_account FROM ledger_balances
     WHERE livemode = ? AND currency = ? AND ledger_account IN (?)
     GROUP BY ledger_account HAVING ABS(SUM(amount)) > ? LIMIT 1`,
    [livemode, currency, [...new Set(rows.map((row) => row.ledgerAccount))], MAX_SAFE_SQL],
  )) as Array<{ ledger_account: string }>;
  if (beyond) throw amountOverflow();
}

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

export async function insertPostings(
  manager: EntityManager,
  balanceTransactionId: string,
  livemode: boolean,
  currency: string,
  postings: Posting[],
  createdAt: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO postings (balance_transaction_id, livemode, ledger_account, currency, amount, created_at)
     VALUES ${postings.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    postings.flatMap((posting) => [
      balanceTransactionId,
      livemode,
      posting.ledgerAccount,
      currency,
      posting.amount,
      createdAt,
    ]),
  );
}

/**
 * Writes one balance transaction with its postings, moves the ledger balances and the earnings
 * rollup by the same amounts — all through `manager`, the caller's transaction, so they can
 * never disagree.
 */
export async function postEntry(
  manager: EntityManager,
  account: AccountRef,
  entry: LedgerEntry,
  createdAt: Date,
  /** Set when the id was promised beforehand (an idempotency key's result). */
  id = newId('balanceTransaction'),
): Promise<BalanceTransaction> {
  const transaction = manager.getRepository(BalanceTransaction).create({
    id,
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
  });
  await insertRow(manager, BalanceTransaction, transaction);
  await touchReads(manager, { accountId: account.accountId });
  await insertPostings(
    manager,
    transaction.id,
    account.livemode,
    entry.currency,
    entry.postings,
    createdAt,
  );
  await applyPostings(manager, account.livemode, entry.currency, entry.postings);
  if (entry.earnings !== 0) {
    const key = [account.accountId, account.livemode, entry.currency, hourOf(createdAt)];
    await refuseOutOfRange(() =>
      manager.query(
        `INSERT INTO earnings_hourly (account_id, livemode, currency, hour, net) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE net = net + VALUES(net)`,
        [...key, entry.earnings],
      ),
    );
    const [beyond] = (await manager.query(
      `SELECT 1 AS beyond FROM earnings_hourly
       WHERE account_id = ? AND livemode = ? AND currency = ? AND hour = ? AND ABS(net) > ?`,
      [...key, MAX_SAFE_SQL],
    )) as unknown[];
    if (beyond) throw amountOverflow();
  }
  return transaction;
}

/**
 * Writes an object that moves money (a charge, a transfer, a refund) with the balance
 * transaction that posts its entry; with no entry (a declined card) the object alone.
 */
export async function recordWithEntry<
  Row extends AccountRef & { balanceTransactionId: string | null },
>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  row: Row,
  entry: LedgerEntry | null,
  createdAt: Date,
): Promise<Row> {
  if (entry)
    row.balanceTransactionId = (await postEntry(manager, accountRefOf(row), entry, createdAt)).id;
  await insertRow(manager, entity, row);
  // A declined card posts nothing, yet shows in the account's payments.
  await touchReads(manager, { accountId: row.accountId });
  return row;
}
