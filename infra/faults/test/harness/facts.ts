import { withServerConnection } from '@dash/db';
import { expect } from 'vitest';
import { testMysqlUrl, waitFor } from '@dash/testing';
import { asPlatform, errorCode, PAYOUT } from './api.js';
import type { SubgraphName } from '@dash/manifest';
import { settingName } from '@dash/manifest';

type Row = Record<string, unknown>;

/** Reads a service's own database directly (the shared server, never a proxy a test cut). */
export async function rowsOf(
  env: Record<string, string>,
  service: SubgraphName,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const database = env[settingName(service, 'DATABASE')]!;
  return withServerConnection(testMysqlUrl(), async (connection) => {
    await connection.query(`USE \`${database}\``);
    const [rows] = await connection.query(sql, params);
    return rows as Row[];
  });
}

/** What exists for each payout, in every service that keeps a record of it. */
export interface PayoutFacts {
  /** Payout rows of the account, by id (a duplicate would be a second id for one request). */
  statuses: Map<string, string>;
  /** The ledger's entries of each payout, by type: 'payout' once (and its return once, if failed). */
  ledgerEntries: Map<string, string[]>;
  /** Balance transactions whose postings do not sum to zero (must be none). */
  unbalanced: string[];
  /** Activity items per payout: each kind once. */
  activity: Map<string, string[]>;
}

export async function payoutFacts(
  env: Record<string, string>,
  accountId: string,
): Promise<PayoutFacts> {
  const payouts = await rowsOf(
    env,
    'payouts',
    'SELECT id, status FROM payouts WHERE account_id = ?',
    [accountId],
  );
  const entries = await rowsOf(
    env,
    'ledger',
    `SELECT source_id, type FROM balance_transactions
      WHERE account_id = ? AND type IN ('payout', 'payout_failure', 'payout_cancel')`,
    [accountId],
  );
  const unbalanced = await rowsOf(
    env,
    'ledger',
    `SELECT p.balance_transaction_id AS id FROM postings p
       JOIN balance_transactions t ON t.id = p.balance_transaction_id
      WHERE t.account_id = ? GROUP BY p.balance_transaction_id HAVING SUM(p.amount) <> 0`,
    [accountId],
  );
  const items = await rowsOf(
    env,
    'notifications',
    "SELECT subject_id, kind FROM activity_items WHERE account_id = ? AND subject_type = 'payout'",
    [accountId],
  );
  const group = (rows: Row[], key: string, value: string) => {
    const map = new Map<string, string[]>();
    for (const row of rows) {
      const list = map.get(String(row[key])) ?? [];
      list.push(String(row[value]));
      map.set(String(row[key]), list.sort());
    }
    return map;
  };
  return {
    statuses: new Map(payouts.map((row) => [String(row.id), String(row.status)])),
    ledgerEntries: group(entries, 'source_id', 'type'),
    unbalanced: unbalanced.map((row) => String(row.id)),
    activity: group(items, 'subject_id', 'kind'),
  };
}

/**
 * Asks each payout again with its idempotency key, as a platform's server does after an error,
 * until it is answered; returns the payouts' ids (one per key when nothing was doubled).
 */
export async function payoutIdsOf(
  gatewayUrl: string,
  account: string,
  keys: string[],
): Promise<Set<string>> {
  const payoutIds = new Set<string>();
  for (const key of keys) {
    await waitFor(
      `payout ${key}`,
      async () => {
        const created = await asPlatform<{ createPayout: { id: string } }>(gatewayUrl, PAYOUT, {
          a: account,
          k: key,
        });
        if (!created.data) throw new Error(errorCode(created));
        payoutIds.add(created.data.createPayout.id);
      },
      20_000,
    );
  }
  return payoutIds;
}

/** Waits until every payout is paid and its activity item has arrived. */
export function waitUntilPaid(
  env: Record<string, string>,
  account: string,
  payoutIds: Set<string>,
  timeoutMs: number,
): Promise<void> {
  return waitFor(
    'every payout paid, in the ledger and in the activity hub',
    async () => {
      const facts = await payoutFacts(env, account);
      for (const id of payoutIds) {
        expect(facts.statuses.get(id)).toBe('paid');
        expect(facts.activity.get(id)).toEqual(expect.arrayContaining(['payout.paid']));
      }
    },
    timeoutMs,
  );
}
