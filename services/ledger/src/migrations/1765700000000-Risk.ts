import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risk: each platform's risk settings per mode (`risk_settings`, defaults when no row); the
 * signals the ledger watches per account as they are now (`risk_signals`) and a point each time
 * one's value or breach changed (`risk_signal_history`); each account's last assessment — its
 * breach state and the interventions it wanted — so an event is recorded only when that changes
 * (`risk_assessments`); how far the assessing chore has looked at new activity (one row,
 * `risk_assessment_mark`). Rolling reserves: the one in force per account (identity's
 * `account.updated`, `rolling_reserves`) and one hold per charge it held (`reserve_holds`).
 *
 * An index by `created_at` lets the chore find the accounts with activity since its mark by
 * reading only that window (no other index of balance_transactions starts with the time it was
 * written). Built online, as the sweep's was.
 */
export class Risk1765700000000 implements MigrationInterface {
  name = 'Risk1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE risk_settings (
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        window_days INT NOT NULL,
        minimum_charges INT NOT NULL,
        dispute_rate_threshold DOUBLE NOT NULL,
        refund_rate_threshold DOUBLE NOT NULL,
        volume_change_factor DOUBLE NOT NULL,
        payout_failures_threshold INT NOT NULL,
        recovery_days INT NOT NULL,
        reserve_percent INT NOT NULL,
        reserve_days INT NOT NULL,
        severe_factor DOUBLE NOT NULL,
        automatic_interventions BOOLEAN NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (platform_id, livemode)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE risk_signals (
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        kind VARCHAR(24) NOT NULL,
        measure VARCHAR(16) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        window_days INT NOT NULL,
        value DOUBLE NOT NULL,
        threshold DOUBLE NOT NULL,
        breached BOOLEAN NOT NULL,
        breached_since DATETIME(3) NULL,
        computed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (account_id, livemode, kind, measure),
        KEY risk_signals_tenant (platform_id, livemode, breached, kind, account_id)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE risk_signal_history (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        kind VARCHAR(24) NOT NULL,
        measure VARCHAR(16) NOT NULL,
        value DOUBLE NOT NULL,
        breached BOOLEAN NOT NULL,
        at DATETIME(3) NOT NULL,
        KEY risk_signal_history_signal (account_id, livemode, kind, measure, at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE risk_assessments (
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        state TEXT NULL,
        at_risk BOOLEAN NOT NULL DEFAULT FALSE,
        assessed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (account_id, livemode),
        KEY risk_assessments_at_risk (at_risk)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE risk_assessment_mark (
        id TINYINT NOT NULL PRIMARY KEY,
        assessed_to DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
    await runner.query(
      'INSERT INTO risk_assessment_mark (id, assessed_to) VALUES (1, UTC_TIMESTAMP(3))',
    );
    await runner.query(`
      CREATE TABLE rolling_reserves (
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        percent INT NULL,
        days INT NULL,
        in_force_since DATETIME(3) NULL,
        scan_from DATETIME(3) NULL,
        as_of DATETIME(3) NOT NULL,
        PRIMARY KEY (account_id, livemode),
        KEY rolling_reserves_in_force (in_force_since)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE reserve_holds (
        charge_transaction_id VARCHAR(40) NOT NULL PRIMARY KEY,
        charge_id VARCHAR(40) NULL,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        currency CHAR(3) NOT NULL,
        amount BIGINT NOT NULL,
        percent INT NOT NULL,
        held_at DATETIME(3) NOT NULL,
        release_on DATETIME(3) NOT NULL,
        hold_transaction_id VARCHAR(40) NULL,
        status VARCHAR(10) NOT NULL,
        released_amount BIGINT NULL,
        release_transaction_id VARCHAR(40) NULL,
        released_at DATETIME(3) NULL,
        KEY reserve_holds_due (status, release_on),
        KEY reserve_holds_account (account_id, livemode, currency, status)
      ) ENGINE=InnoDB`);
    await runner.query(
      'ALTER TABLE balance_transactions ADD KEY balance_transactions_created (created_at), ALGORITHM=INPLACE, LOCK=NONE',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE balance_transactions DROP KEY balance_transactions_created');
    for (const table of [
      'reserve_holds',
      'rolling_reserves',
      'risk_assessment_mark',
      'risk_assessments',
      'risk_signal_history',
      'risk_signals',
      'risk_settings',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}
