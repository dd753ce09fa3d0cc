import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A charge keeps its dispute's state (which dispute, where it stands, how much it holds back)
 * on its own row, so a refund and a dispute of one payment are decided under the same row
 * lock and can never both take the same money.
 */
export class ChargeDisputes1765020000000 implements MigrationInterface {
  name = 'ChargeDisputes1765020000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE charges
        ADD COLUMN dispute_id VARCHAR(40) NULL,
        ADD COLUMN dispute_status VARCHAR(32) NULL,
        ADD COLUMN disputed_amount BIGINT NOT NULL DEFAULT 0,
        ADD KEY charges_dispute (dispute_id)`);
    // Another service's command, tried again, finds what it did by its own id (the dispute,
    // payout or top-up), whatever became of its idempotency key.
    await runner.query(
      'ALTER TABLE balance_transactions ADD KEY balance_transactions_source (source_id, type)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE balance_transactions DROP KEY balance_transactions_source');
    await runner.query(
      'ALTER TABLE charges DROP KEY charges_dispute, DROP COLUMN dispute_id, DROP COLUMN dispute_status, DROP COLUMN disputed_amount',
    );
  }
}
