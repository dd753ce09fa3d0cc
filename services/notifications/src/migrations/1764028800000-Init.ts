import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764028800000 implements MigrationInterface {
  name = 'Init1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE activity_items (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        kind VARCHAR(40) NOT NULL,
        title VARCHAR(200) NOT NULL,
        body VARCHAR(1000) NOT NULL,
        read_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY activity_items_account_created (account_id, created_at)
      ) ENGINE=InnoDB`);
    // params is TEXT holding JSON: MariaDB's JSON type is an alias with different behaviour.
    await runner.query(`
      CREATE TABLE deliveries (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        channel VARCHAR(8) NOT NULL,
        destination VARCHAR(254) NOT NULL,
        template VARCHAR(64) NOT NULL,
        params TEXT NOT NULL,
        status VARCHAR(8) NOT NULL,
        attempts INT NOT NULL DEFAULT 0,
        sent_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY deliveries_account (account_id, created_at)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE deliveries');
    await runner.query('DROP TABLE activity_items');
  }
}
