import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764028800000 implements MigrationInterface {
  name = 'Init1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE balance_transactions (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        type VARCHAR(32) NOT NULL,
        amount BIGINT NOT NULL,
        fee BIGINT NOT NULL,
        net BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        description VARCHAR(255) NOT NULL,
        available_on DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY balance_transactions_account (account_id, currency, available_on)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE balance_transactions');
  }
}
