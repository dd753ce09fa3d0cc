import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which automatic payout paid each balance transaction out, so a payout can list what it paid
 * (Stripe's payout reconciliation).
 */
export class Payouts1764600000000 implements MigrationInterface {
  name = 'Payouts1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE balance_transactions
        ADD COLUMN payout_id VARCHAR(40) NULL,
        ADD KEY balance_transactions_payout (account_id, payout_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE balance_transactions DROP KEY balance_transactions_payout, DROP COLUMN payout_id',
    );
  }
}
