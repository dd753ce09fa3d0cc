import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `balance.available` sweep: one row holding how far it has looked (`swept_to`, the latest
 * `available_on` it has reported), locked by the sweep that moves it; and an index by
 * `available_on`, so each sweep reads its window in order and stops at its batch (the
 * `(status, available_on)` index cannot: a transaction's status changes when it is released,
 * so the window spans two ranges of it, to be sorted whole). `created_at` beside it lets the
 * index itself skip what was available from the start (`available_on = created_at`: refunds,
 * transfers, payouts…), which can be much of a window, without reading those rows.
 * The row starts at the migration's moment: money that became available before is not news.
 */
export class BalanceAvailableSweep1765300000000 implements MigrationInterface {
  name = 'BalanceAvailableSweep1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE balance_available_sweep (
        id TINYINT NOT NULL PRIMARY KEY,
        swept_to DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
    await runner.query(
      'INSERT INTO balance_available_sweep (id, swept_to) VALUES (1, UTC_TIMESTAMP(3))',
    );
    // Built online (a million rows in the benchmark): charges go on being written meanwhile.
    await runner.query(
      'ALTER TABLE balance_transactions ADD KEY balance_transactions_available_on (available_on, created_at), ALGORITHM=INPLACE, LOCK=NONE',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE balance_transactions DROP KEY balance_transactions_available_on',
    );
    await runner.query('DROP TABLE balance_available_sweep');
  }
}
