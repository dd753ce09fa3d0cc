import type { DataSource } from 'typeorm';
import { releasePostings } from './entries.rules.js';
import { applyPostings, insertPostings } from './post-entry.service.js';
import { retryOnDeadlock } from '@dash/db';
import { touchReads } from '@dash/read-cache';

interface DueRow {
  id: string;
  account_id: string;
  livemode: number | boolean;
  currency: string;
  net: string;
}

/**
 * Settles pending transactions whose day has come (a top-up or a recovery debit waits for its
 * bank instead): each one's net moves from the account's
 * pending to its available ledger account, in postings of its own. Batches are locked with
 * SKIP LOCKED so several ledger instances can release side by side. Returns how many settled.
 */
export async function releaseDue(
  dataSource: DataSource,
  now: Date,
  batchSize = 500,
): Promise<number> {
  let released = 0;
  for (;;) {
    const count = await retryOnDeadlock(() =>
      // READ COMMITTED: no gap locks, so charges arriving meanwhile are never held up by it.
      dataSource.transaction('READ COMMITTED', async (manager) => {
        const due = (await manager.query(
          `SELECT id, account_id, livemode, currency, net FROM balance_transactions
           WHERE status = 'pending' AND available_on <= ?
             AND type NOT IN ('topup', 'recovery_debit')
           ORDER BY available_on LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`,
          [now],
        )) as DueRow[];
        for (const row of due) {
          const postings = releasePostings(row.account_id, Number(row.net));
          if (postings.length === 0) continue;
          await insertPostings(manager, row.id, Boolean(row.livemode), row.currency, postings, now);
          await applyPostings(manager, Boolean(row.livemode), row.currency, postings);
          await touchReads(manager, { accountId: row.account_id });
        }
        if (due.length > 0)
          await manager.query(
            "UPDATE balance_transactions SET status = 'available' WHERE id IN (?)",
            [due.map((row) => row.id)],
          );
        return due.length;
      }),
    );
    released += count;
    if (count < batchSize) return released;
  }
}
