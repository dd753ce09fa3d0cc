import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Login1764100000003 implements MigrationInterface {
  name = 'Login1764100000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE login_links (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        UNIQUE KEY login_links_token (token_hash),
        KEY login_links_account (account_id, created_at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE login_challenges (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        channel VARCHAR(8) NOT NULL,
        code_hash CHAR(64) NOT NULL,
        wrong_attempts INT NOT NULL DEFAULT 0,
        sends INT NOT NULL DEFAULT 1,
        last_sent_at DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        consumed_at DATETIME(3) NULL,
        KEY login_challenges_account (account_id, created_at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE sessions (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        last_seen_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        UNIQUE KEY sessions_token (token_hash),
        KEY sessions_account (account_id)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE sessions');
    await runner.query('DROP TABLE login_challenges');
    await runner.query('DROP TABLE login_links');
  }
}
