import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { DataSource, EntityManager } from 'typeorm';
import { DashError } from '@dash/errors';
import { checkIdempotencyKey } from '@dash/subgraph';
import { retryOnDeadlock } from '@dash/db';
import { isDuplicateKey } from '@dash/errors';

/** Keys are kept at least this long; a retry within it returns the first result. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

export interface IdempotentRequest {
  /** Whose keys these are: a platform in one mode, or one account. */
  scope: string;
  key: string;
  /** createCharge, createRefund, … — a key used for one operation is not valid for another. */
  operation: string;
  /** The request's parameters; a key reused with other parameters is refused. */
  params: unknown;
  /** The id the operation's result will have, recorded with the key in the same statement. */
  resultId: string;
}

class KeyTaken extends Error {}

const hashOf = (operation: string, params: unknown) =>
  createHash('sha256')
    .update(stringify({ operation, params }) ?? '')
    .digest('hex');

/**
 * Runs a money-moving operation at most once per idempotency key. The key is claimed in the same
 * transaction as the movement, so the two commit or roll back together; a concurrent request
 * with the same key waits on the claim and then replays the first result. The same key with
 * other parameters is a CONFLICT, as in Stripe.
 */
export async function runIdempotent<Result>(
  dataSource: DataSource,
  request: IdempotentRequest,
  work: (manager: EntityManager) => Promise<Result>,
  replay: (id: string) => Promise<Result>,
): Promise<Result> {
  checkIdempotencyKey(request.key);
  const requestHash = hashOf(request.operation, request.params);
  for (;;) {
    try {
      return await retryOnDeadlock(() =>
        dataSource.transaction(async (manager) => {
          try {
            await manager.query(
              `INSERT INTO idempotency_keys
                 (scope, idempotency_key, operation, request_hash, result_id, created_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
              [
                request.scope,
                request.key,
                request.operation,
                requestHash,
                request.resultId,
                new Date(),
              ],
            );
          } catch (error) {
            if (isDuplicateKey(error)) throw new KeyTaken();
            throw error;
          }
          return work(manager);
        }),
      );
    } catch (error) {
      if (!(error instanceof KeyTaken)) throw error;
    }
    const [first] = (await dataSource.query(
      'SELECT operation, request_hash, result_id FROM idempotency_keys WHERE scope = ? AND idempotency_key = ?',
      [request.scope, request.key],
    )) as Array<{ operation: string; request_hash: string; result_id: string | null }>;
    // The first request rolled back in between: the key is free again, so claim it.
    if (!first) continue;
    if (first.operation !== request.operation || first.request_hash !== requestHash) {
      throw new DashError(
        'CONFLICT',
        'This idempotency key was already used with other parameters. Use a new key for a new request.',
        { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
      );
    }
    return replay(first.result_id!);
  }
}

/** Forgets keys older than the retention period (called from the ledger's maintenance job). */
export async function deleteExpiredKeys(dataSource: DataSource, now = new Date()): Promise<number> {
  const result = (await dataSource.query(
    'DELETE FROM idempotency_keys WHERE created_at < ? LIMIT 10000',
    [new Date(now.getTime() - 2 * IDEMPOTENCY_KEY_TTL_MS)],
  )) as { affectedRows?: number };
  return result.affectedRows ?? 0;
}
