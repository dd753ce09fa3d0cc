import type { EntityManager } from 'typeorm';

interface PendingWrite {
  rows: unknown[];
  write(rows: unknown[]): Promise<void>;
}

/** The writes put aside in each consumer transaction that is handling a batch of events. */
const batches = new WeakMap<EntityManager, Map<string, PendingWrite>>();

/**
 * Writes `rows` with the other rows of the same `kind` that the events of this consumer
 * transaction add, as one statement once every event of the batch is handled (before the commit);
 * outside a consumer's batch, at once. The first `write` given for a kind writes all of its rows,
 * so every caller of a kind passes the same one. For rows nothing else in the transaction reads
 * back: a platform's public events, one per domain event, were a statement each.
 */
export async function writeWithBatch<Row>(
  manager: EntityManager,
  kind: string,
  rows: Row[],
  write: (rows: Row[]) => Promise<void>,
): Promise<void> {
  const pending = batches.get(manager);
  if (!pending) return write(rows);
  let same = pending.get(kind);
  if (!same)
    pending.set(kind, (same = { rows: [], write: write as (rows: unknown[]) => Promise<void> }));
  same.rows.push(...rows);
}

/**
 * Runs a batch's handlers in `manager`'s transaction, then writes what they put aside with
 * writeWithBatch, kind by kind in the order each kind first came.
 */
export async function handlingBatch<Result>(
  manager: EntityManager,
  handle: () => Promise<Result>,
): Promise<Result> {
  const pending = new Map<string, PendingWrite>();
  batches.set(manager, pending);
  let result: Result;
  try {
    result = await handle();
  } finally {
    batches.delete(manager);
  }
  for (const { rows, write } of pending.values()) await write(rows);
  return result;
}
