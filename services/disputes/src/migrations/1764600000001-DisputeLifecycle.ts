import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KNOWN_RECORDS_TABLES } from '@dash/subgraph';

/**
 * Disputes become real: their fee, evidence, the steps the ledger has taken, one dispute per
 * payment; evidence files; reserve top-ups; and what disputes knows of platforms and accounts.
 */
export class DisputeLifecycle1764600000001 implements MigrationInterface {
  name = 'DisputeLifecycle1764600000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE disputes
        MODIFY COLUMN status VARCHAR(32) NOT NULL,
        ADD COLUMN fee BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN evidence MEDIUMTEXT CHARACTER SET utf8mb4 NULL,
        ADD COLUMN evidence_submitted_at DATETIME(3) NULL,
        ADD COLUMN closed_at DATETIME(3) NULL,
        ADD COLUMN withdrawal VARCHAR(8) NOT NULL DEFAULT 'none',
        ADD COLUMN withdrawn_at DATETIME(3) NULL,
        ADD COLUMN balance_transaction_id VARCHAR(40) NULL,
        ADD COLUMN reinstatement VARCHAR(8) NOT NULL DEFAULT 'none',
        ADD COLUMN reinstated_at DATETIME(3) NULL,
        ADD UNIQUE KEY disputes_charge (charge_id),
        ADD KEY disputes_ledger_steps (withdrawal, reinstatement)`);
    await runner.query(`
      CREATE TABLE dispute_files (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        filename VARCHAR(200) NOT NULL,
        mime_type VARCHAR(60) NOT NULL,
        size INT NOT NULL,
        sha256 CHAR(64) NOT NULL,
        storage_key VARCHAR(200) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY dispute_files_account (account_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE reserve_topups (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        amount BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        idempotency_key VARCHAR(255) NOT NULL,
        balance_transaction_id VARCHAR(40) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY reserve_topups_key (account_id, idempotency_key),
        KEY reserve_topups_status (status)
      ) ENGINE=InnoDB`);
    for (const statement of KNOWN_RECORDS_TABLES) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE accounts, platforms, reserve_topups, dispute_files');
    await runner.query(`
      ALTER TABLE disputes DROP KEY disputes_ledger_steps, DROP KEY disputes_charge,
        DROP COLUMN fee, DROP COLUMN evidence, DROP COLUMN evidence_submitted_at,
        DROP COLUMN closed_at, DROP COLUMN withdrawal, DROP COLUMN withdrawn_at,
        DROP COLUMN balance_transaction_id, DROP COLUMN reinstatement, DROP COLUMN reinstated_at`);
  }
}
