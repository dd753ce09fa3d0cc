import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { DataSource, EntityManager } from 'typeorm';
import { retryOnDeadlock } from '@dash/db';
import { DashError, isDuplicateKey } from '@dash/errors';
import { checkIdempotencyKey } from './validation.js';

/** Keys are kept at least this long (Stripe keeps them 24 hours); a retry within it replays. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

/**
 * The one table shape every service keeps its idempotency keys in. `state` is `done` for work
 * finished in one transaction, `started` while a request that spans services is under way (its
 * `plan` is what lets a retry or the redrive finish it).
 */
export const IDEMPOTENCY_KEYS_TABLE = `CREATE TABLE idempotency_keys (
    scope VARCHAR(80) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    operation VARCHAR(40) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    result_id VARCHAR(40) NULL,
    state VARCHAR(16) NOT NULL,
    plan TEXT CHARACTER SET utf8mb4 NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (scope, idempotency_key),
    KEY idempotency_keys_state (state, created_at)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`;

export interface IdempotentRequest {
  /** Whose keys these are: a platform in one mode, or one account. */
  scope: string;
  key: string;
  /** createCharge, createPayout, … — a key used for one operation is not valid for another. */
  operation: string;
  /** The request's parameters; a key reused with other parameters is refused. */
  params: unknown;
  /** The id the operation's result will have, recorded with the key. */
  resultId: string;
}

/** Where a request that spans services stands once its key is claimed. */
export type Claim<Plan> = { state: 'started'; plan: Plan } | { state: 'done'; resultId: string };

interface KeyRow {
  operation: string;
  request_hash: string;
  result_id: string | null;
  state: string;
  plan: string | null;
}

class KeyTaken extends Error {}

/** A batch's keys could not all be claimed: some were used before. */
class KeysTaken extends Error {
  constructor() {
    super('An idempotency key of the batch was already used');
  }
}

const hashOf = (operation: string, params: unknown) =>
  createHash('sha256')
    .update(stringify({ operation, params }) ?? '')
    .digest('hex');

const keyReused = () =>
  new DashError(
    'CONFLICT',
    'This idempotency key was already used with other parameters. Use a new key for a new request.',
    { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
  );

/**
 * Idempotency keys, as Stripe has them: the same key and parameters return the first result, the
 * same key with other parameters is a CONFLICT. Two ways to use them, one table:
 * - `once`: work inside this service's database — the key is claimed in the same transaction
 *   as the work, so both commit or neither does.
 * - `claim` … `complete` / `release`: work spanning services (a saga) — the key is claimed with
 *   the whole plan first, so a retry or the redrive carries the same plan to its end.
 */
export class IdempotencyKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Runs `work` at most once per key. A concurrent request with the same key waits on the
   * claim and then replays the first result through `replay`.
   */
  async once<Result>(
    request: IdempotentRequest,
    work: (manager: EntityManager) => Promise<Result>,
    replay: (resultId: string) => Promise<Result>,
  ): Promise<Result> {
    checkIdempotencyKey(request.key);
    const requestHash = hashOf(request.operation, request.params);
    for (;;) {
      try {
        return await retryOnDeadlock(() =>
          this.dataSource.transaction(async (manager) => {
            if (!(await this.insert(manager, [request], [requestHash], 'done', null)))
              throw new KeyTaken();
            return work(manager);
          }),
        );
      } catch (error) {
        if (!(error instanceof KeyTaken)) throw error;
      }
      const first = await this.find(request);
      // The first request rolled back in between: the key is free again, so claim it.
      if (!first) continue;
      this.assertSameRequest(first, request, requestHash);
      return replay(first.result_id!);
    }
  }

  /**
   * Claims every key of `requests` and runs `work` in the same transaction: a batch of requests
   * written together, all or none. Refused with `KeysTaken` when any key was used before (or
   * twice in the batch); the caller then runs each request through `once`, which replays or
   * refuses the ones seen before.
   */
  async onceAll<Result>(
    requests: IdempotentRequest[],
    work: (manager: EntityManager) => Promise<Result>,
  ): Promise<Result> {
    for (const request of requests) checkIdempotencyKey(request.key);
    const hashes = requests.map((request) => hashOf(request.operation, request.params));
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        if (!(await this.insert(manager, requests, hashes, 'done', null))) throw new KeysTaken();
        return work(manager);
      }),
    );
  }

  /**
   * Claims the key for a request spanning services, with its plan. A request seen before gets
   * the first one's state: its plan while started (carry that one on, not a new one), its
   * result once done.
   */
  async claim<Plan>(request: IdempotentRequest, plan: Plan): Promise<Claim<Plan>> {
    checkIdempotencyKey(request.key);
    const requestHash = hashOf(request.operation, request.params);
    for (;;) {
      if (await this.insert(this.dataSource.manager, [request], [requestHash], 'started', plan))
        return { state: 'started', plan };
      const first = await this.find(request);
      // Released in between (the first request was refused): claim it anew.
      if (!first) continue;
      this.assertSameRequest(first, request, requestHash);
      return first.state === 'done'
        ? { state: 'done', resultId: first.result_id! }
        : { state: 'started', plan: JSON.parse(first.plan!) as Plan };
    }
  }

  /**
   * Marks a started claim done, inside the transaction that writes the result. False when there
   * is no such started claim (another run finished it, or it was released): the caller still
   * writes its result by id, since the money it moved must be accounted for either way.
   */
  async complete(
    manager: EntityManager,
    claim: { scope: string; key: string; resultId: string },
  ): Promise<boolean> {
    const updated = (await manager.query(
      `UPDATE idempotency_keys SET state = 'done'
       WHERE scope = ? AND idempotency_key = ? AND result_id = ? AND state = 'started'`,
      [claim.scope, claim.key, claim.resultId],
    )) as { affectedRows: number };
    return updated.affectedRows === 1;
  }

  /**
   * Frees a started claim after a refusal that moved nothing, so a corrected request may use the
   * key. Only this plan's claim: never one a later request made with the same key.
   */
  async release(claim: { scope: string; key: string; resultId: string }): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
       WHERE scope = ? AND idempotency_key = ? AND result_id = ? AND state = 'started'`,
      [claim.scope, claim.key, claim.resultId],
    );
  }

  /** Claims of `operation` left started before `olderThan` (a crash, a service unreachable). */
  async unfinished<Plan>(
    operation: string,
    olderThan: Date,
    limit = 100,
  ): Promise<Array<{ scope: string; key: string; plan: Plan }>> {
    const rows = (await this.dataSource.query(
      `SELECT scope, idempotency_key, plan FROM idempotency_keys
       WHERE state = 'started' AND created_at < ? AND operation = ?
       ORDER BY created_at LIMIT ?`,
      [olderThan, operation, limit],
    )) as Array<{ scope: string; idempotency_key: string; plan: string }>;
    return rows.map((row) => ({
      scope: row.scope,
      key: row.idempotency_key,
      plan: JSON.parse(row.plan) as Plan,
    }));
  }

  /** Forgets finished keys after twice the retention period; started ones wait for the redrive. */
  async expire(now = this.now()): Promise<number> {
    const result = (await this.dataSource.query(
      "DELETE FROM idempotency_keys WHERE state = 'done' AND created_at < ? LIMIT 10000",
      [new Date(now.getTime() - 2 * IDEMPOTENCY_KEY_TTL_MS)],
    )) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }

  /** Inserts the claims in one statement; false when any key is already taken. */
  private async insert(
    manager: EntityManager,
    requests: IdempotentRequest[],
    requestHashes: string[],
    state: 'done' | 'started',
    plan: unknown,
  ): Promise<boolean> {
    const createdAt = this.now();
    const planText = plan === null ? null : JSON.stringify(plan);
    try {
      await manager.query(
        `INSERT INTO idempotency_keys
           (scope, idempotency_key, operation, request_hash, result_id, state, plan, created_at)
         VALUES ${requests.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        requests.flatMap((request, index) => [
          request.scope,
          request.key,
          request.operation,
          requestHashes[index],
          request.resultId,
          state,
          planText,
          createdAt,
        ]),
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async find(request: IdempotentRequest): Promise<KeyRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT operation, request_hash, result_id, state, plan FROM idempotency_keys
       WHERE scope = ? AND idempotency_key = ?`,
      [request.scope, request.key],
    )) as KeyRow[];
    return row;
  }

  private assertSameRequest(first: KeyRow, request: IdempotentRequest, requestHash: string) {
    if (first.operation !== request.operation || first.request_hash !== requestHash)
      throw keyReused();
  }
}
