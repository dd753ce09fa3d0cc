import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-serve sign-in texts the code to the phone on file: the challenge keeps the hash of the
 * number it went to, so the code opens only the accounts that still have that number.
 */
export class SelfServeSms1765600000400 implements MigrationInterface {
  name = 'SelfServeSms1765600000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE login_challenges ADD COLUMN sent_to_hash CHAR(64) NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE login_challenges DROP COLUMN sent_to_hash');
  }
}
