import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity items keep what happened (the event's facts), so their texts are made in the
 * reader's language when read; items kept before have only their English title and body,
 * which are shown as they are.
 */
export class ActivityParams1765100000000 implements MigrationInterface {
  name = 'ActivityParams1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE activity_items ADD COLUMN params TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE activity_items DROP COLUMN params');
  }
}
