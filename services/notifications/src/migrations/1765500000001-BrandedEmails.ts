import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Branded emails and the notice of a disabled webhook endpoint:
 * - `platform_brands`: each platform's name, colour, icon and contacts, kept from identity's
 *   `platform.updated`, so an email is framed without asking identity;
 * - deliveries to a platform's own team (no account; the platform named instead);
 * - the dev outbox keeps an email's HTML part, and text longer than an SMS;
 * - an endpoint keeps its last failure, and whether the notice of its disabling is still to be
 *   queued (set in the transaction that disables it, so a worker dying in between loses none).
 */
export class BrandedEmails1765500000001 implements MigrationInterface {
  name = 'BrandedEmails1765500000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform_brands (
        platform_id VARCHAR(40) NOT NULL PRIMARY KEY,
        name VARCHAR(120) NOT NULL,
        brand_color CHAR(7) NOT NULL,
        icon_url VARCHAR(500) NULL,
        support_email VARCHAR(254) NULL,
        support_phone VARCHAR(16) NULL,
        support_url VARCHAR(500) NULL,
        technical_email VARCHAR(254) NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      ALTER TABLE deliveries
        MODIFY account_id VARCHAR(40) NULL,
        ADD COLUMN platform_id VARCHAR(40) NULL`);
    await runner.query(`
      ALTER TABLE dev_outbox
        MODIFY text TEXT NOT NULL,
        ADD COLUMN html MEDIUMTEXT NULL`);
    await runner.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN last_failure VARCHAR(300) NULL,
        ADD COLUMN disabled_at DATETIME(3) NULL,
        ADD COLUMN disabled_notice_due BOOLEAN NOT NULL DEFAULT FALSE,
        ADD KEY webhook_endpoints_notice_due (disabled_notice_due, disabled_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE webhook_endpoints
        DROP KEY webhook_endpoints_notice_due,
        DROP COLUMN last_failure,
        DROP COLUMN disabled_at,
        DROP COLUMN disabled_notice_due`);
    await runner.query(
      'ALTER TABLE dev_outbox DROP COLUMN html, MODIFY text VARCHAR(2000) NOT NULL',
    );
    await runner.query('DELETE FROM deliveries WHERE account_id IS NULL');
    await runner.query(
      'ALTER TABLE deliveries DROP COLUMN platform_id, MODIFY account_id VARCHAR(40) NOT NULL',
    );
    await runner.query('DROP TABLE platform_brands');
  }
}
