import type { DataSource, EntityManager } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { retryOnDeadlock } from '@dash/db';
import { recordEvent } from '@dash/events';
import type { Balances } from '../account/balances.service.js';
import {
  availableFacts,
  DEFAULT_SWEEP_BOUNDS,
  planSweep,
  type SweepBounds,
} from './balance-available.rules.js';

/**
 * Balance transactions whose funds were pending and become available on `available_on`: not a
 * top-up (it waits for its bank, not for a day), not one that was available from the start.
 */
const BECAME_AVAILABLE = "type <> 'topup' AND available_on > created_at";

interface DueRow {
  account_id: string;
  platform_id: string;
  livemode: number | boolean;
  available_on: Date;
}

const accountOf = (row: DueRow): AccountRef => ({
  accountId: row.account_id,
  platformId: row.platform_id,
  livemode: Boolean(row.livemode),
});

/**
 * Records `balance.available` for every account whose pending funds became available since the
 * last sweep: one event per account and sweep, carrying its balances as they are then.
 *
 * How far the sweeps have looked is one row (`balance_available_sweep.swept_to`). Each sweep
 * transaction locks it (FOR UPDATE), reads the balance transactions due in (swept_to, now],
 * records the events and moves the row, then commits: a sweep of another instance waits on the
 * row and starts where this one ended, so no window is reported twice, and a sweep that fails
 * rolls back whole, events and row alike. A backlog is taken in bounded transactions (see
 * `planSweep`), each moving the row only past the moments it reported in full.
 */
export class BalanceAvailableSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: Balances,
    private readonly bounds: SweepBounds = DEFAULT_SWEEP_BOUNDS,
  ) {}

  /** Sweeps up to `now`, transaction after transaction; returns how many events it recorded. */
  async sweep(now = new Date()): Promise<number> {
    let recorded = 0;
    for (;;) {
      const step = await retryOnDeadlock(() =>
        // READ COMMITTED: once the row's lock is ours, every read sees what the sweep before
        // committed; and reading balance transactions takes no gap locks that would hold up
        // the charges being written meanwhile.
        this.dataSource.transaction('READ COMMITTED', (manager) => this.sweepStep(manager, now)),
      );
      recorded += step.recorded;
      if (step.done) return recorded;
    }
  }

  private async sweepStep(
    manager: EntityManager,
    now: Date,
  ): Promise<{ recorded: number; done: boolean }> {
    const [mark] = (await manager.query(
      'SELECT swept_to FROM balance_available_sweep WHERE id = 1 FOR UPDATE',
    )) as Array<{ swept_to: Date }>;
    if (!mark) throw new Error('balance_available_sweep has no row: run the ledger migrations');
    const from = new Date(mark.swept_to);
    // Another instance (whose clock may run ahead) already swept this far.
    if (from >= now) return { recorded: 0, done: true };
    const rows = (await manager.query(
      `SELECT account_id, platform_id, livemode, available_on FROM balance_transactions
       WHERE available_on > ? AND available_on <= ? AND ${BECAME_AVAILABLE}
       ORDER BY available_on LIMIT ${this.bounds.maxRows}`,
      [from, now],
    )) as DueRow[];
    const plan = planSweep(
      rows.map((row) => ({ ...accountOf(row), availableOn: new Date(row.available_on) })),
      now,
      this.bounds,
    );
    const [accounts, sweptTo] =
      plan.kind === 'batch'
        ? [plan.accounts, plan.sweptTo]
        : [await this.dueAt(manager, plan.at), plan.at];
    for (const account of accounts) {
      const balances = await this.balances.balances(account, now, manager);
      await recordEvent(
        manager,
        'ledger',
        'balance.available',
        account,
        availableFacts(balances),
        now,
      );
    }
    await manager.query('UPDATE balance_available_sweep SET swept_to = ? WHERE id = 1', [sweptTo]);
    return { recorded: accounts.length, done: sweptTo >= now };
  }

  /** Every account with funds that became available at exactly `moment`. */
  private async dueAt(manager: EntityManager, moment: Date): Promise<AccountRef[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT account_id, platform_id, livemode FROM balance_transactions
       WHERE available_on = ? AND ${BECAME_AVAILABLE}`,
      [moment],
    )) as DueRow[];
    return rows.map(accountOf);
  }
}
