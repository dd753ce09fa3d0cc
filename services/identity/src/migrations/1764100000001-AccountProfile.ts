import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountProfile1764100000001 implements MigrationInterface {
  name = 'AccountProfile1764100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE accounts
        ADD COLUMN phone VARCHAR(20) NULL,
        ADD COLUMN business_type VARCHAR(16) NULL,
        ADD COLUMN business_profile TEXT NULL,
        ADD COLUMN statement_descriptor VARCHAR(22) NULL,
        ADD COLUMN updated_at DATETIME(3) NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE accounts
        DROP COLUMN phone, DROP COLUMN business_type, DROP COLUMN business_profile,
        DROP COLUMN statement_descriptor, DROP COLUMN updated_at`);
  }
}
