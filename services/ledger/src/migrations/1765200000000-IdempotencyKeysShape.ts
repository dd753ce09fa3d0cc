import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's idempotency keys take the shape every service shares (IDEMPOTENCY_KEYS_TABLE in
 * @dash/subgraph): a wider scope, a state (every key kept so far was claimed with its work, so
 * it is done) and a plan, and the expiry's index over (state, created_at).
 */
export class IdempotencyKeysShape1765200000000 implements MigrationInterface {
  name = 'IdempotencyKeysShape1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    // Two statements: a column is named (AFTER, KEY) only once an earlier statement added it.
    await runner.query(`
      ALTER TABLE idempotency_keys
        MODIFY scope VARCHAR(80) NOT NULL,
        ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'done' AFTER result_id,
        DROP KEY idempotency_keys_created`);
    // The default only filled the rows already there; a new claim always says its state.
    await runner.query(`
      ALTER TABLE idempotency_keys
        ALTER COLUMN state DROP DEFAULT,
        ADD COLUMN plan TEXT CHARACTER SET utf8mb4 NULL AFTER state,
        ADD KEY idempotency_keys_state (state, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // Claims still under way belong to no request the earlier shape knows.
    await runner.query("DELETE FROM idempotency_keys WHERE state <> 'done'");
    await runner.query(`
      ALTER TABLE idempotency_keys
        DROP KEY idempotency_keys_state,
        ADD KEY idempotency_keys_created (created_at),
        DROP COLUMN plan,
        DROP COLUMN state,
        MODIFY scope VARCHAR(60) NOT NULL`);
  }
}
