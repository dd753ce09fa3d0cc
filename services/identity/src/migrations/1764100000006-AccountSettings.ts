import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account settings: accounts can be closed; platforms switch dashboard features on and off;
 * one-time codes also confirm a new email or phone (which the challenge keeps until then).
 */
export class AccountSettings1764100000006 implements MigrationInterface {
  name = 'AccountSettings1764100000006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE accounts ADD COLUMN closed_at DATETIME(3) NULL');
    await runner.query('ALTER TABLE platforms ADD COLUMN features TEXT NULL');
    await runner.query(`
      ALTER TABLE login_challenges
        ADD COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'login',
        ADD COLUMN new_destination VARCHAR(254) NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE login_challenges DROP COLUMN new_destination, DROP COLUMN purpose',
    );
    await runner.query('ALTER TABLE platforms DROP COLUMN features');
    await runner.query('ALTER TABLE accounts DROP COLUMN closed_at');
  }
}
