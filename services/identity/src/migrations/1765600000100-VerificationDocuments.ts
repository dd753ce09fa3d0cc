import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity documents: the files uploaded for them (described in identity_files, their bytes in
 * identity_file_bytes so no replica keeps anything on its disk) and each document sent for a
 * requirement with its review.
 */
export class VerificationDocuments1765600000100 implements MigrationInterface {
  name = 'VerificationDocuments1765600000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE identity_files (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        created_at DATETIME(3) NOT NULL,
        purpose VARCHAR(30) NOT NULL,
        filename VARCHAR(200) NOT NULL,
        mime_type VARCHAR(60) NOT NULL,
        size INT NOT NULL,
        sha256 CHAR(64) NOT NULL,
        KEY identity_files_account_created (account_id, created_at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE identity_file_bytes (
        file_id VARCHAR(40) NOT NULL PRIMARY KEY,
        bytes MEDIUMBLOB NOT NULL
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE verification_documents (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        created_at DATETIME(3) NOT NULL,
        requirement VARCHAR(60) NOT NULL,
        document_type VARCHAR(30) NOT NULL,
        front_file_id VARCHAR(40) NOT NULL,
        back_file_id VARCHAR(40) NULL,
        status VARCHAR(10) NOT NULL,
        failure_code VARCHAR(60) NULL,
        failure_reason VARCHAR(300) NULL,
        reviewed_at DATETIME(3) NULL,
        KEY verification_documents_account_created (account_id, created_at, id)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE verification_documents');
    await runner.query('DROP TABLE identity_file_bytes');
    await runner.query('DROP TABLE identity_files');
  }
}
