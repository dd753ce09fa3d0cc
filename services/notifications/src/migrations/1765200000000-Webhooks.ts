import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What platforms' servers are told: the events (kept 30 days), the endpoints that receive them,
 * each delivery of an event to an endpoint, and each HTTP attempt of a delivery.
 */
export class Webhooks1765200000000 implements MigrationInterface {
  name = 'Webhooks1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform_events (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        account_id VARCHAR(40) NULL,
        type VARCHAR(64) NOT NULL,
        object MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        synthetic BOOLEAN NOT NULL DEFAULT FALSE,
        created_at DATETIME(3) NOT NULL,
        KEY platform_events_list (platform_id, livemode, created_at, id),
        KEY platform_events_account (account_id, created_at, id),
        KEY platform_events_age (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE webhook_endpoints (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        url VARCHAR(2048) NOT NULL,
        description VARCHAR(500) NULL,
        enabled_events TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        status VARCHAR(16) NOT NULL,
        disabled_reason VARCHAR(32) NULL,
        secret VARCHAR(255) NOT NULL,
        previous_secret VARCHAR(255) NULL,
        previous_secret_expires_at DATETIME(3) NULL,
        failing_since DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY webhook_endpoints_platform (platform_id, livemode, created_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await runner.query(`
      CREATE TABLE webhook_deliveries (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        endpoint_id VARCHAR(40) NOT NULL,
        event_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        \`trigger\` VARCHAR(8) NOT NULL,
        status VARCHAR(12) NOT NULL,
        attempts INT NOT NULL,
        next_attempt_at DATETIME(3) NULL,
        last_status_code INT NULL,
        created_at DATETIME(3) NOT NULL,
        completed_at DATETIME(3) NULL,
        KEY webhook_deliveries_endpoint (endpoint_id, created_at, id),
        KEY webhook_deliveries_status (endpoint_id, status, created_at, id),
        KEY webhook_deliveries_due (status, next_attempt_at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE webhook_attempts (
        delivery_id VARCHAR(40) NOT NULL,
        attempt INT NOT NULL,
        attempted_at DATETIME(3) NOT NULL,
        status_code INT NULL,
        latency_ms INT NOT NULL,
        response_excerpt VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
        error VARCHAR(300) NULL,
        PRIMARY KEY (delivery_id, attempt)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE webhook_attempts, webhook_deliveries, webhook_endpoints, platform_events',
    );
  }
}
