import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the account's email or phone last changed (from its own settings): for 72 hours after,
 * payout details cannot change and self-serve sign-in through the new email is refused.
 * A contact change also carries the id of its second challenge, the code sent to the current
 * contact, which must be typed too.
 */
export class ContactChangeHold1765000000000 implements MigrationInterface {
  name = 'ContactChangeHold1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE accounts
        ADD COLUMN email_changed_at DATETIME(3) NULL,
        ADD COLUMN phone_changed_at DATETIME(3) NULL`);
    await runner.query(`
      ALTER TABLE login_challenges
        MODIFY COLUMN purpose VARCHAR(24) NOT NULL DEFAULT 'login',
        ADD COLUMN current_contact_challenge_id VARCHAR(40) NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM login_challenges WHERE purpose = 'contact_change_current'");
    await runner.query(`
      ALTER TABLE login_challenges
        DROP COLUMN current_contact_challenge_id,
        MODIFY COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'login'`);
    await runner.query(
      'ALTER TABLE accounts DROP COLUMN email_changed_at, DROP COLUMN phone_changed_at',
    );
  }
}
