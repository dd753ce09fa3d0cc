import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two tables every service that produces or consumes events adds to its own database:
 * `outbox_events`, written in the same transaction as the change it describes, and
 * `processed_events`, which makes a consumer's handling of each event happen once.
 */
export class EventTables1764300000000 implements MigrationInterface {
  name = 'EventTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_events (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        type VARCHAR(60) NOT NULL,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        data TEXT NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        published_at DATETIME(3) NULL,
        KEY outbox_events_unpublished (published_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await runner.query(`
      CREATE TABLE processed_events (
        event_id VARCHAR(40) NOT NULL PRIMARY KEY,
        type VARCHAR(60) NOT NULL,
        processed_at DATETIME(3) NOT NULL,
        KEY processed_events_at (processed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE processed_events');
    await runner.query('DROP TABLE outbox_events');
  }
}
