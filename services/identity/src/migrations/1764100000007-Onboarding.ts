import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hosted onboarding: account links, sessions that open only the onboarding flow, and what the
 * account answers and what verification made of it.
 */
export class Onboarding1764100000007 implements MigrationInterface {
  name = 'Onboarding1764100000007';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE account_links (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        type VARCHAR(24) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        refresh_url VARCHAR(2000) NOT NULL,
        return_url VARCHAR(2000) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        KEY account_links_account (account_id)
      ) ENGINE=InnoDB`);
    await runner.query(`
      ALTER TABLE sessions
        ADD COLUMN scope VARCHAR(16) NOT NULL DEFAULT 'dashboard',
        ADD COLUMN account_link_id VARCHAR(40) NULL`);
    await runner.query(`
      ALTER TABLE accounts
        ADD COLUMN onboarding_details TEXT NULL,
        ADD COLUMN tos_acceptance TEXT NULL,
        ADD COLUMN verification TEXT NULL,
        ADD COLUMN external_account_provided BOOLEAN NOT NULL DEFAULT FALSE,
        ADD COLUMN requirements_due_since DATETIME(3) NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE accounts
        DROP COLUMN requirements_due_since, DROP COLUMN external_account_provided,
        DROP COLUMN verification, DROP COLUMN tos_acceptance, DROP COLUMN onboarding_details`);
    await runner.query('ALTER TABLE sessions DROP COLUMN account_link_id, DROP COLUMN scope');
    await runner.query('DROP TABLE account_links');
  }
}
