import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A platform's support contact, shown to its accounts, and its icon's bytes (apart from the
 * platform row, which every dashboard frame reads).
 */
export class PlatformBranding1765300000001 implements MigrationInterface {
  name = 'PlatformBranding1765300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE platforms
        ADD COLUMN support_email VARCHAR(254) NULL,
        ADD COLUMN support_phone VARCHAR(16) NULL,
        ADD COLUMN support_url VARCHAR(500) NULL`);
    await runner.query(`
      CREATE TABLE platform_icons (
        platform_id VARCHAR(40) NOT NULL PRIMARY KEY,
        content_type VARCHAR(40) NOT NULL,
        bytes MEDIUMBLOB NOT NULL,
        digest CHAR(16) NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform_icons');
    await runner.query(
      'ALTER TABLE platforms DROP COLUMN support_email, DROP COLUMN support_phone, DROP COLUMN support_url',
    );
  }
}
