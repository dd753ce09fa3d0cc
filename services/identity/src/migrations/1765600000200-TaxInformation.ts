import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A US account's tax information, as on its W-9: the taxpayer id sealed (only its kind, last
 * four digits and a keyed fingerprint in clear), the legal name and address, the signed
 * certification with where it was signed from, and the consent to receive tax forms
 * electronically with when it was given or withdrawn.
 */
export class TaxInformation1765600000200 implements MigrationInterface {
  name = 'TaxInformation1765600000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tax_information (
        account_id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        tin_type VARCHAR(4) NULL,
        tin_sealed TEXT NULL,
        tin_fingerprint VARCHAR(64) NULL,
        tin_last4 CHAR(4) NULL,
        legal_name VARCHAR(200) NULL,
        address TEXT NULL,
        certified_at DATETIME(3) NULL,
        certified_name VARCHAR(200) NULL,
        certification_version VARCHAR(40) NULL,
        certified_ip VARCHAR(45) NULL,
        certified_user_agent VARCHAR(500) NULL,
        edelivery_consent BOOLEAN NOT NULL,
        edelivery_consented_at DATETIME(3) NULL,
        edelivery_withdrawn_at DATETIME(3) NULL,
        edelivery_ip VARCHAR(45) NULL,
        edelivery_user_agent VARCHAR(500) NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY tax_information_fingerprint (tin_fingerprint)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tax_information');
  }
}
