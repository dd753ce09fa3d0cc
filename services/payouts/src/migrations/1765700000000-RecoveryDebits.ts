import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Debits of the accounts' banks recovering negative balances. `open_key` (account, mode and
 * currency) is set while a debit is under way — pending, retrying, or uncollectible and not yet
 * covered — and unique: however many chores run, one debit at a time per account and currency.
 */
export class RecoveryDebits1765700000000 implements MigrationInterface {
  name = 'RecoveryDebits1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE recovery_debits (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        currency CHAR(3) NOT NULL,
        amount BIGINT NOT NULL,
        status VARCHAR(16) NOT NULL,
        attempt SMALLINT NOT NULL,
        next_attempt_at DATETIME(3) NULL,
        external_account_id VARCHAR(40) NULL,
        destination VARCHAR(160) NULL,
        rail_source VARCHAR(40) NULL,
        rail_reference VARCHAR(120) NULL,
        sent_at DATETIME(3) NULL,
        failure_code VARCHAR(40) NULL,
        failure_message VARCHAR(300) NULL,
        pending_transaction_id VARCHAR(40) NULL,
        ledger_transaction_ids TEXT NOT NULL,
        covered_amount BIGINT NULL,
        open_key VARCHAR(100) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        settled_at DATETIME(3) NULL,
        UNIQUE KEY recovery_debits_open (open_key),
        KEY recovery_debits_account (account_id, livemode, created_at, id),
        KEY recovery_debits_platform (platform_id, livemode, created_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE recovery_debits');
  }
}
