import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events about a whole platform (its name, its feature switches) concern no single account. */
export class PlatformEvents1764300000001 implements MigrationInterface {
  name = 'PlatformEvents1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox_events MODIFY account_id VARCHAR(40) NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM outbox_events WHERE account_id IS NULL');
    await runner.query('ALTER TABLE outbox_events MODIFY account_id VARCHAR(40) NOT NULL');
  }
}
