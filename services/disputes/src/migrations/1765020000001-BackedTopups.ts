import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Top-ups are backed by a debit of the account's bank (pending until the rail settles it, or
 * failed) and bounded per day: one row per account, mode, currency and day holds what was
 * asked for, raised by a guarded UPDATE so parallel top-ups can never pass the cap together.
 */
export class BackedTopups1765020000001 implements MigrationInterface {
  name = 'BackedTopups1765020000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE reserve_topups
        ADD COLUMN source VARCHAR(40) NULL,
        ADD COLUMN rail_reference VARCHAR(80) NULL,
        ADD COLUMN sent_at DATETIME(3) NULL,
        ADD COLUMN failure_code VARCHAR(40) NULL,
        ADD COLUMN failure_message VARCHAR(200) NULL`);
    await runner.query(`
      CREATE TABLE reserve_topup_days (
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        currency CHAR(3) NOT NULL,
        day DATE NOT NULL,
        total BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, livemode, currency, day)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reserve_topup_days');
    await runner.query(`
      ALTER TABLE reserve_topups DROP COLUMN source, DROP COLUMN rail_reference,
        DROP COLUMN sent_at, DROP COLUMN failure_code, DROP COLUMN failure_message`);
  }
}
