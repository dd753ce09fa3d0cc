import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Test and live data never mix: rows carry their mode, and every read filters on it. */
export class Livemode1764100000010 implements MigrationInterface {
  name = 'Livemode1764100000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE balance_transactions ADD COLUMN livemode BOOLEAN NOT NULL DEFAULT FALSE AFTER platform_id',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE balance_transactions DROP COLUMN livemode');
  }
}
