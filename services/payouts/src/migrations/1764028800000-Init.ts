import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764028800000 implements MigrationInterface {
  name = 'Init1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE payouts (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        amount BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        method VARCHAR(16) NOT NULL,
        arrival_date DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY payouts_account_created (account_id, created_at),
        KEY payouts_account_status (account_id, status, arrival_date)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE payouts');
  }
}
