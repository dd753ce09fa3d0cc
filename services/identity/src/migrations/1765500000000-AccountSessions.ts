import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Account sessions for embedded components, and the origins each platform embeds them on. */
export class AccountSessions1765500000000 implements MigrationInterface {
  name = 'AccountSessions1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE account_sessions (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        components VARCHAR(255) NOT NULL,
        secret_hash CHAR(64) NOT NULL,
        created_by_key_id VARCHAR(40) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        UNIQUE KEY account_sessions_secret (secret_hash),
        KEY account_sessions_expiry (expires_at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE embed_origins (
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        origin VARCHAR(255) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (platform_id, livemode, origin)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE embed_origins');
    await runner.query('DROP TABLE account_sessions');
  }
}
