import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764028800000 implements MigrationInterface {
  name = 'Init1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platforms (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        name VARCHAR(120) NOT NULL,
        brand_color CHAR(7) NOT NULL,
        icon_url VARCHAR(500) NULL,
        created_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE accounts (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        platform_id VARCHAR(40) NOT NULL,
        display_name VARCHAR(120) NOT NULL,
        email VARCHAR(254) NOT NULL,
        country CHAR(2) NOT NULL,
        default_currency CHAR(3) NOT NULL,
        livemode BOOLEAN NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY accounts_platform (platform_id, created_at),
        CONSTRAINT accounts_platform_fk FOREIGN KEY (platform_id) REFERENCES platforms (id)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE accounts');
    await runner.query('DROP TABLE platforms');
  }
}
