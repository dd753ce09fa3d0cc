import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts list pages a platform's accounts in one mode, newest first, by keyset
 * (created_at, id): an index in exactly that order serves each page by a range read, however
 * many accounts the platform has, and a second one serves the email filter in the same order.
 * They replace (platform_id, created_at), which left the mode to be filtered row by row; the
 * foreign key on platform_id is served by the new indexes' first column.
 */
export class AccountListIndexes1765400000000 implements MigrationInterface {
  name = 'AccountListIndexes1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE accounts
        ADD KEY accounts_platform_mode_created (platform_id, livemode, created_at, id),
        ADD KEY accounts_platform_mode_email (platform_id, livemode, email, created_at, id)`);
    await runner.query('ALTER TABLE accounts DROP KEY accounts_platform');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE accounts ADD KEY accounts_platform (platform_id, created_at)');
    await runner.query(`
      ALTER TABLE accounts
        DROP KEY accounts_platform_mode_email,
        DROP KEY accounts_platform_mode_created`);
  }
}
