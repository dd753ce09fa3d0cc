import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payout methods the account manages itself: a destination marked errored keeps the bank's
 * reason (the failed payout's code and message) until it is replaced or added again; and each
 * change the account confirms with a one-time code records that code's challenge, once — a
 * challenge confirms one change.
 */
export class PayoutMethods1765600000000 implements MigrationInterface {
  name = 'PayoutMethods1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE external_accounts
        ADD COLUMN failure_code VARCHAR(40) NULL,
        ADD COLUMN failure_message VARCHAR(300) NULL`);
    await runner.query(`
      CREATE TABLE confirmed_changes (
        challenge_id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        change_kind VARCHAR(20) NOT NULL,
        external_account_id VARCHAR(40) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY confirmed_changes_account (account_id, created_at)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE confirmed_changes');
    await runner.query(
      'ALTER TABLE external_accounts DROP COLUMN failure_code, DROP COLUMN failure_message',
    );
  }
}
