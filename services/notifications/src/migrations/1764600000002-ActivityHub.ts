import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KNOWN_RECORDS_TABLES } from '@dash/subgraph';

/**
 * The activity hub grows up: each item links to what it is about, unread items are counted
 * from an index; notices the platform puts in front of an account (risk interventions,
 * compliance updates); each account's choice of emails; the event a delivery was for.
 */
export class ActivityHub1764600000002 implements MigrationInterface {
  name = 'ActivityHub1764600000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE activity_items
        ADD COLUMN subject_type VARCHAR(20) NULL,
        ADD COLUMN subject_id VARCHAR(40) NULL,
        ADD KEY activity_items_unread (account_id, livemode, read_at)`);
    await runner.query(`
      CREATE TABLE account_notices (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        kind VARCHAR(24) NOT NULL,
        title VARCHAR(200) NOT NULL,
        body VARCHAR(2000) NOT NULL,
        action_label VARCHAR(80) NULL,
        action_url VARCHAR(500) NULL,
        due_by DATETIME(3) NULL,
        resolved_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY account_notices_open (account_id, livemode, resolved_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE notification_preferences (
        account_id VARCHAR(40) NOT NULL PRIMARY KEY,
        email_payout_failed BOOLEAN NOT NULL,
        email_dispute_opened BOOLEAN NOT NULL,
        locale VARCHAR(8) NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
    for (const statement of KNOWN_RECORDS_TABLES) await runner.query(statement);
    // One message per delivery in the development outbox, as a carrier honouring the key would.
    await runner.query('ALTER TABLE dev_outbox ADD UNIQUE KEY dev_outbox_delivery (delivery_id)');
    await runner.query('ALTER TABLE deliveries ADD COLUMN last_error VARCHAR(300) NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN last_error');
    await runner.query('ALTER TABLE dev_outbox DROP KEY dev_outbox_delivery');
    await runner.query('DROP TABLE accounts, platforms, notification_preferences, account_notices');
    await runner.query(
      'ALTER TABLE activity_items DROP KEY activity_items_unread, DROP COLUMN subject_id, DROP COLUMN subject_type',
    );
  }
}
