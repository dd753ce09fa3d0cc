import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_KEY_TTL_MS, IDEMPOTENCY_KEYS_TABLE } from '@dash/subgraph';

/**
 * Reserve top-ups claim their idempotency key in the shared `idempotency_keys` table, in the
 * transaction that writes the top-up. Top-ups of the retention period get their key there too
 * (hashed as the helper hashes a request), so a retry across the upgrade still replays. The
 * table's claim makes the unique key on reserve_topups redundant; it goes, so a key reused
 * once expired starts a new top-up, as Stripe's do.
 */
export class IdempotencyKeys1765100000000 implements MigrationInterface {
  name = 'IdempotencyKeys1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(IDEMPOTENCY_KEYS_TABLE);
    await runner.query(
      `INSERT INTO idempotency_keys
         (scope, idempotency_key, operation, request_hash, result_id, state, plan, created_at)
       SELECT account_id, idempotency_key, 'topUpReserve',
              SHA2(CONCAT('{"operation":"topUpReserve","params":{"amount":', amount,
                          ',"currency":"', currency, '","source":',
                          IF(source IS NULL, 'null', CONCAT('"', source, '"')), '}}'), 256),
              id, 'done', NULL, created_at
       FROM reserve_topups WHERE created_at >= ?`,
      [new Date(Date.now() - 2 * IDEMPOTENCY_KEY_TTL_MS)],
    );
    await runner.query('ALTER TABLE reserve_topups DROP KEY reserve_topups_key');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE reserve_topups ADD UNIQUE KEY reserve_topups_key (account_id, idempotency_key)',
    );
    await runner.query('DROP TABLE idempotency_keys');
  }
}
