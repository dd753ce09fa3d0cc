import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KNOWN_RECORDS_TABLES } from '@dash/subgraph';

/**
 * Payouts become real: where each went, its fee, what the ledger recorded, why it failed;
 * bank accounts and debit cards; schedules; the idempotency keys of payout requests; and what
 * payouts knows of accounts and platforms (from identity).
 */
export class PayoutLifecycle1764600000000 implements MigrationInterface {
  name = 'PayoutLifecycle1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE payouts
        ADD COLUMN fee BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE,
        ADD COLUMN requested_by VARCHAR(16) NOT NULL DEFAULT 'schedule',
        ADD COLUMN destination TEXT CHARACTER SET utf8mb4 NULL,
        ADD COLUMN description VARCHAR(500) CHARACTER SET utf8mb4 NULL,
        ADD COLUMN balance_transaction_id VARCHAR(40) NULL,
        ADD COLUMN failure_code VARCHAR(40) NULL,
        ADD COLUMN failure_message VARCHAR(300) NULL,
        ADD COLUMN rail_reference VARCHAR(120) NULL,
        ADD COLUMN updated_at DATETIME(3) NULL,
        ADD COLUMN returned_at DATETIME(3) NULL,
        ADD KEY payouts_progress (status, created_at)`);
    await runner.query(`
      CREATE TABLE external_accounts (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        kind VARCHAR(16) NOT NULL,
        country CHAR(2) NOT NULL,
        currency CHAR(3) NOT NULL,
        holder_name VARCHAR(120) NULL,
        bank_name VARCHAR(120) NULL,
        brand VARCHAR(20) NULL,
        last4 CHAR(4) NOT NULL,
        routing_number VARCHAR(20) NULL,
        exp_month SMALLINT NULL,
        exp_year SMALLINT NULL,
        fingerprint VARCHAR(64) NOT NULL,
        rail_token VARCHAR(120) NOT NULL,
        default_for CHAR(3) NULL,
        status VARCHAR(16) NOT NULL DEFAULT 'new',
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY external_accounts_default (account_id, default_for),
        KEY external_accounts_account (account_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE payout_schedules (
        account_id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        payout_interval VARCHAR(16) NOT NULL,
        delay_days SMALLINT NOT NULL,
        weekly_anchor VARCHAR(10) NULL,
        monthly_anchor SMALLINT NULL,
        time_zone VARCHAR(64) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY payout_schedules_interval (payout_interval)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE payout_requests (
        scope VARCHAR(80) NOT NULL,
        idempotency_key VARCHAR(255) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        payout_id VARCHAR(40) NOT NULL,
        request TEXT CHARACTER SET utf8mb4 NOT NULL,
        state VARCHAR(16) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (scope, idempotency_key),
        KEY payout_requests_state (state, created_at)
      ) ENGINE=InnoDB`);
    for (const statement of KNOWN_RECORDS_TABLES) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE accounts, platforms, payout_requests, payout_schedules, external_accounts',
    );
    await runner.query(`
      ALTER TABLE payouts DROP KEY payouts_progress,
        DROP COLUMN fee, DROP COLUMN automatic, DROP COLUMN requested_by, DROP COLUMN destination,
        DROP COLUMN description, DROP COLUMN balance_transaction_id, DROP COLUMN failure_code,
        DROP COLUMN failure_message, DROP COLUMN rail_reference, DROP COLUMN updated_at,
        DROP COLUMN returned_at`);
  }
}
