import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-serve sign-in proves an email, not an account: the challenge keeps the email, and once
 * its code is right, a short-lived single-use token (kept as a hash) lets the person pick one
 * of that email's accounts.
 */
export class EmailLoginPicker1765000000001 implements MigrationInterface {
  name = 'EmailLoginPicker1765000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE login_challenges
        ADD COLUMN login_email VARCHAR(254) NULL,
        ADD COLUMN pick_token_hash CHAR(64) NULL,
        ADD COLUMN pick_expires_at DATETIME(3) NULL,
        ADD UNIQUE KEY login_challenges_pick_token (pick_token_hash)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE login_challenges
        DROP KEY login_challenges_pick_token,
        DROP COLUMN login_email,
        DROP COLUMN pick_token_hash,
        DROP COLUMN pick_expires_at`);
  }
}
