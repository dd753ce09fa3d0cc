import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Negative balances: one row per account, mode and currency whose available balance is below
 * zero, with since when (`since`) and what it owed at the last look. A chore keeps them, not the
 * posting path: how far it has looked is one row (`negative_balance_watch.watched_to`), and each
 * pass reads the balance transactions whose `available_on` came since, by the existing
 * `(available_on, created_at)` index — every change to an available balance is one of those.
 * The watch starts empty: the first pass finds balances already negative by one look at every
 * account's available ledger balance.
 */
export class NegativeBalances1765700000100 implements MigrationInterface {
  name = 'NegativeBalances1765700000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE negative_balances (
        account_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL,
        currency CHAR(3) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        amount BIGINT NOT NULL,
        since DATETIME(3) NOT NULL,
        checked_at DATETIME(3) NOT NULL,
        PRIMARY KEY (account_id, livemode, currency),
        KEY negative_balances_platform (platform_id, livemode, since),
        KEY negative_balances_since (since)
      ) ENGINE=InnoDB`);
    await runner.query(`
      CREATE TABLE negative_balance_watch (
        id TINYINT NOT NULL PRIMARY KEY,
        watched_to DATETIME(3) NULL
      ) ENGINE=InnoDB`);
    // NULL: the first pass looks at every available ledger balance once.
    await runner.query('INSERT INTO negative_balance_watch (id, watched_to) VALUES (1, NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE negative_balance_watch');
    await runner.query('DROP TABLE negative_balances');
  }
}
