import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which key made which: revoking a key revokes every key it made, so a leaked key's offspring
 * do not outlive it. Null for keys the operator made (the platform CLI, seeds).
 */
export class ApiKeyCreator1765050000000 implements MigrationInterface {
  name = 'ApiKeyCreator1765050000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE api_keys
        ADD COLUMN created_by_key_id VARCHAR(40) NULL,
        ADD KEY api_keys_created_by (created_by_key_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE api_keys
        DROP KEY api_keys_created_by,
        DROP COLUMN created_by_key_id`);
  }
}
