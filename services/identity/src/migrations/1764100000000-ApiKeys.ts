import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1764100000000 implements MigrationInterface {
  name = 'ApiKeys1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_keys (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        secret_hash CHAR(64) NOT NULL,
        last4 CHAR(4) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        UNIQUE KEY api_keys_secret (secret_hash),
        KEY api_keys_platform (platform_id, created_at),
        CONSTRAINT api_keys_platform_fk FOREIGN KEY (platform_id) REFERENCES platforms (id)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE api_keys');
  }
}
