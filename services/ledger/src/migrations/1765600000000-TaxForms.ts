import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * US tax forms. `tax_profiles` is the ledger's copy of each US account's tax information (from
 * identity's `tax_info.updated`: name, address, id type and last four, certification, consent
 * to electronic forms); `tax_settings` is each platform's, per mode (the payer printed on the
 * forms, which form it files, its thresholds); `tax_forms` holds every form issued, each
 * version kept with the PDF it was issued as; `tax_form_runs` records each generation, so an
 * idempotency key replays the run it made.
 */
export class TaxForms1765600000000 implements MigrationInterface {
  name = 'TaxForms1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tax_profiles (
        account_id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        legal_name VARCHAR(200) NULL,
        address TEXT NULL,
        tin_type VARCHAR(4) NULL,
        tin_last4 CHAR(4) NULL,
        certified_at DATETIME(3) NULL,
        edelivery_consent BOOLEAN NOT NULL,
        as_of DATETIME(3) NOT NULL,
        KEY tax_profiles_platform (platform_id, livemode, account_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE tax_settings (
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        form_type VARCHAR(12) NOT NULL,
        payer_name VARCHAR(200) NULL,
        payer_address TEXT NULL,
        payer_phone VARCHAR(20) NULL,
        payer_tin CHAR(9) NULL,
        k_gross_threshold BIGINT NULL,
        k_count_threshold INT NULL,
        nec_threshold BIGINT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (platform_id, livemode)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE tax_forms (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        tax_year SMALLINT NOT NULL,
        form_type VARCHAR(12) NOT NULL,
        version INT NOT NULL,
        corrected BOOLEAN NOT NULL,
        status VARCHAR(16) NOT NULL,
        superseded_by VARCHAR(40) NULL,
        currency CHAR(3) NOT NULL,
        amount BIGINT NOT NULL,
        transaction_count INT NULL,
        monthly_amounts TEXT NULL,
        recipient TEXT NOT NULL,
        payer TEXT NOT NULL,
        inputs_hash CHAR(64) NOT NULL,
        pdf MEDIUMBLOB NOT NULL,
        pdf_sha256 CHAR(64) NOT NULL,
        run_id VARCHAR(40) NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY tax_forms_version (account_id, livemode, tax_year, form_type, version),
        KEY tax_forms_list (platform_id, livemode, created_at, id),
        KEY tax_forms_account (account_id, livemode, created_at, id),
        KEY tax_forms_run (run_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE tax_form_runs (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        tax_year SMALLINT NOT NULL,
        form_type VARCHAR(12) NOT NULL,
        created_count INT NOT NULL,
        existing_count INT NOT NULL,
        created_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['tax_form_runs', 'tax_forms', 'tax_settings', 'tax_profiles'])
      await runner.query(`DROP TABLE ${table}`);
  }
}
