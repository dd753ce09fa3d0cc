import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each account uploaded as evidence in its current quota window (a row to lock, so
 * parallel uploads cannot all pass the limit), and an index for the chore that deletes files no
 * evidence uses.
 */
export class EvidenceFileQuota1765050000010 implements MigrationInterface {
  name = 'EvidenceFileQuota1765050000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dispute_file_usage (
        account_id VARCHAR(40) NOT NULL PRIMARY KEY,
        window_started_at DATETIME(3) NOT NULL,
        files INT NOT NULL,
        bytes BIGINT NOT NULL
      ) ENGINE=InnoDB`);
    await runner.query('ALTER TABLE dispute_files ADD KEY dispute_files_created (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE dispute_files DROP KEY dispute_files_created');
    await runner.query('DROP TABLE dispute_file_usage');
  }
}
