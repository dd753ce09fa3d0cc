import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry ledger. Every money movement is one balance transaction whose postings sum to
 * zero across ledger accounts; `ledger_balances` keeps each ledger account's sum in step with
 * its postings (system accounts spread over shards so concurrent writers do not queue on one
 * row). Charges, refunds and transfers are the platform-facing objects; `earnings_hourly` is the
 * chart's rollup; `idempotency_keys` makes every money-moving call safe to retry.
 *
 * The single-entry table of the first version held only seeded demo rows, so it is replaced.
 */
export class DoubleEntry1764400000000 implements MigrationInterface {
  name = 'DoubleEntry1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE balance_transactions');
    await runner.query(`
      CREATE TABLE balance_transactions (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        type VARCHAR(32) NOT NULL,
        reporting_category VARCHAR(40) NOT NULL,
        amount BIGINT NOT NULL,
        fee BIGINT NOT NULL,
        net BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        fee_details TEXT NOT NULL,
        status VARCHAR(16) NOT NULL,
        available_on DATETIME(3) NOT NULL,
        description VARCHAR(500) NULL,
        source_id VARCHAR(40) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY balance_transactions_list (account_id, livemode, created_at, id),
        KEY balance_transactions_due (status, available_on),
        KEY balance_transactions_pending (account_id, livemode, status, available_on)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE postings (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        balance_transaction_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        ledger_account VARCHAR(80) NOT NULL,
        currency CHAR(3) NOT NULL,
        amount BIGINT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY postings_transaction (balance_transaction_id),
        KEY postings_account (ledger_account, currency)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE ledger_balances (
        livemode BOOLEAN NOT NULL,
        ledger_account VARCHAR(80) NOT NULL,
        currency CHAR(3) NOT NULL,
        shard SMALLINT NOT NULL,
        amount BIGINT NOT NULL,
        PRIMARY KEY (ledger_account, currency, livemode, shard)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE charges (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        amount BIGINT NOT NULL,
        amount_refunded BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        outcome VARCHAR(16) NOT NULL,
        failure_message VARCHAR(200) NULL,
        disputed BOOLEAN NOT NULL DEFAULT FALSE,
        description VARCHAR(500) NULL,
        customer_name VARCHAR(200) NULL,
        customer_email VARCHAR(254) NULL,
        card_brand VARCHAR(20) NULL,
        card_last4 CHAR(4) NULL,
        fee BIGINT NOT NULL,
        application_fee_amount BIGINT NOT NULL,
        metadata TEXT NOT NULL,
        balance_transaction_id VARCHAR(40) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY charges_list (account_id, livemode, created_at, id),
        KEY charges_email (account_id, livemode, customer_email),
        KEY charges_amount (account_id, livemode, amount)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE refunds (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        charge_id VARCHAR(40) NOT NULL,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        amount BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        reason VARCHAR(40) NULL,
        requested_by VARCHAR(16) NOT NULL,
        balance_transaction_id VARCHAR(40) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY refunds_charge (charge_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE transfers (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        amount BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        description VARCHAR(500) NULL,
        metadata TEXT NOT NULL,
        balance_transaction_id VARCHAR(40) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY transfers_account (account_id, livemode, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE earnings_hourly (
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        currency CHAR(3) NOT NULL,
        hour DATETIME NOT NULL,
        net BIGINT NOT NULL,
        PRIMARY KEY (account_id, livemode, currency, hour)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE idempotency_keys (
        scope VARCHAR(60) NOT NULL,
        idempotency_key VARCHAR(255) NOT NULL,
        operation VARCHAR(40) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        result_id VARCHAR(40) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (scope, idempotency_key),
        KEY idempotency_keys_created (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    // Which platform and mode each account belongs to, learnt from identity on first use.
    await runner.query(`
      CREATE TABLE accounts (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        closed BOOLEAN NOT NULL
      ) ENGINE=InnoDB`);
    // What the ledger knows of each platform, kept from identity's platform.updated events.
    await runner.query(`
      CREATE TABLE platforms (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        name VARCHAR(120) NOT NULL,
        features TEXT NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'accounts',
      'platforms',
      'idempotency_keys',
      'earnings_hourly',
      'transfers',
      'refunds',
      'charges',
      'ledger_balances',
      'postings',
      'balance_transactions',
    ])
      await runner.query(`DROP TABLE ${table}`);
    await runner.query(`
      CREATE TABLE balance_transactions (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        type VARCHAR(32) NOT NULL,
        amount BIGINT NOT NULL,
        fee BIGINT NOT NULL,
        net BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        description VARCHAR(255) NOT NULL,
        available_on DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY balance_transactions_account (account_id, currency, available_on)
      ) ENGINE=InnoDB`);
  }
}
