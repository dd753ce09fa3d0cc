import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries stop keeping their parameters (sign-in codes); developers get an outbox instead. */
export class DevOutbox1764100000002 implements MigrationInterface {
  name = 'DevOutbox1764100000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN params');
    await runner.query(`
      CREATE TABLE dev_outbox (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        delivery_id VARCHAR(40) NOT NULL,
        channel VARCHAR(8) NOT NULL,
        destination VARCHAR(254) NOT NULL,
        subject VARCHAR(200) NOT NULL,
        text VARCHAR(2000) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY dev_outbox_destination (destination, id)
      ) ENGINE=InnoDB`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dev_outbox');
    await runner.query("ALTER TABLE deliveries ADD COLUMN params TEXT NOT NULL DEFAULT ('{}')");
  }
}
