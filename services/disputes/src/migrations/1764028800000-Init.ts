import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764028800000 implements MigrationInterface {
  name = 'Init1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE disputes (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        charge_id VARCHAR(40) NOT NULL,
        amount BIGINT NOT NULL,
        currency CHAR(3) NOT NULL,
        reason VARCHAR(32) NOT NULL,
        status VARCHAR(16) NOT NULL,
        evidence_due_by DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY disputes_account_created (account_id, created_at),
        KEY disputes_account_status (account_id, status)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE disputes');
  }
}
