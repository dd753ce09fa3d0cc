import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a change to submitted details asked for them to be verified again: the verification
 * chore finds the accounts waiting by this column (indexed, so it reads only those).
 */
export class DetailsReverification1765600000000 implements MigrationInterface {
  name = 'DetailsReverification1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE accounts
        ADD COLUMN verification_requested_at DATETIME(3) NULL,
        ADD INDEX accounts_verification_requested (verification_requested_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM login_challenges WHERE purpose = 'account_details'");
    await runner.query(`
      ALTER TABLE accounts
        DROP INDEX accounts_verification_requested,
        DROP COLUMN verification_requested_at`);
  }
}
