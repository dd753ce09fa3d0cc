import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postings are written on every movement and read back only whole (the invariant check sums
 * them all), so an index by ledger account cost every insert and served no query.
 */
export class LeanPostings1764400000001 implements MigrationInterface {
  name = 'LeanPostings1764400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE postings DROP KEY postings_account');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE postings ADD KEY postings_account (ledger_account, currency)');
  }
}
