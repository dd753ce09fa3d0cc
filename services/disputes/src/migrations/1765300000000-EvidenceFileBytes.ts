import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence bytes move into the database (DASH_FILE_STORAGE=database, the default) so replicas
 * keep nothing on disk. Files stored on disk before stay readable with DASH_FILE_STORAGE=disk.
 */
export class EvidenceFileBytes1765300000000 implements MigrationInterface {
  name = 'EvidenceFileBytes1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE evidence_file_bytes (
         storage_key VARCHAR(200) NOT NULL PRIMARY KEY,
         bytes MEDIUMBLOB NOT NULL,
         created_at DATETIME(3) NOT NULL
       ) ENGINE=InnoDB`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE evidence_file_bytes');
  }
}
