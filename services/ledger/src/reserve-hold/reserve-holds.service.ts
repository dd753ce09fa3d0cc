import type { DataSource, EntityManager } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { retryOnDeadlock } from '@dash/db';
import { lockOwnBalances } from '../postings/own-balances.service.js';
import { postEntry } from '../postings/post-entry.service.js';
import {
  holdAmount,
  releaseAmount,
  releaseOn,
  reserveHoldEntry,
  reserveReleaseEntry,
} from './reserve-hold.rules.js';

/**
 * How far behind the newest payment seen the next scan starts again: a payment's time is taken
 * before its transaction commits, so one committing late may carry an earlier time.
 */
const LATE_COMMIT_MS = 5 * 60_000;

interface ReserveRow {
  account_id: string;
  livemode: number | boolean;
  platform_id: string;
  percent: number;
  days: number;
  in_force_since: Date;
  scan_from: Date | null;
}

interface ChargeRow {
  id: string;
  source_id: string | null;
  currency: string;
  net: string;
  status: string;
  created_at: Date;
}

interface HoldRow {
  charge_transaction_id: string;
  charge_id: string | null;
  account_id: string;
  platform_id: string;
  livemode: number | boolean;
  currency: string;
  amount: string;
}

interface InsertResult {
  affectedRows?: number;
}

const refOf = (row: { account_id: string; platform_id: string; livemode: number | boolean }) => ({
  accountId: row.account_id,
  platformId: row.platform_id,
  livemode: Boolean(row.livemode),
});

/**
 * Rolling reserves at work: holds part of each payment made while a reserve is in force, once
 * its money is available (one hold per payment, whatever runs at once: `reserve_holds` is keyed
 * by the payment's balance transaction), and releases each hold on its day.
 */
export class ReserveHolds {
  constructor(private readonly dataSource: DataSource) {}

  /** One pass: every hold due, then every release due. */
  async runOnce(now: Date): Promise<{ held: number; released: number }> {
    const held = await this.holdDue(now);
    const released = await this.releaseDue(now);
    return { held, released };
  }

  /** What rolling-reserve holds keep in the account's reserve now (never more than it has). */
  async heldFor(
    account: Pick<AccountRef, 'accountId' | 'livemode'>,
    currency: string,
    reserve: number,
  ): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT COALESCE(SUM(amount), 0) AS held FROM reserve_holds
       WHERE account_id = ? AND livemode = ? AND currency = ? AND status = 'held'`,
      [account.accountId, account.livemode, currency],
    )) as Array<{ held: string }>;
    return Math.min(Number(row?.held ?? 0), Math.max(reserve, 0));
  }

  private async holdDue(now: Date): Promise<number> {
    const reserves = (await this.dataSource.query(
      `SELECT account_id, livemode, platform_id, percent, days, in_force_since, scan_from
       FROM rolling_reserves WHERE in_force_since IS NOT NULL AND in_force_since <= ?`,
      [now],
    )) as ReserveRow[];
    let held = 0;
    for (const reserve of reserves) held += await this.holdForReserve(reserve, now);
    return held;
  }

  /** Holds the available payments made since the reserve came into force that have none yet. */
  private async holdForReserve(reserve: ReserveRow, now: Date): Promise<number> {
    const since = new Date(reserve.in_force_since);
    const from = reserve.scan_from && reserve.scan_from > since ? reserve.scan_from : since;
    const charges = (await this.dataSource.query(
      `SELECT bt.id, bt.source_id, bt.currency, bt.net, bt.status, bt.created_at
       FROM balance_transactions bt
       LEFT JOIN reserve_holds h ON h.charge_transaction_id = bt.id
       WHERE bt.account_id = ? AND bt.livemode = ? AND bt.created_at >= ? AND bt.created_at <= ?
         AND bt.type = 'charge' AND h.charge_transaction_id IS NULL
       ORDER BY bt.created_at`,
      [reserve.account_id, reserve.livemode, from, now],
    )) as ChargeRow[];
    let held = 0;
    for (const charge of charges)
      if (charge.status === 'available' && (await this.holdOne(reserve, charge, now))) held += 1;
    // Next time, start at the oldest payment still settling (its hold is still to come), or
    // just behind the newest one seen.
    const waiting = charges.find((charge) => charge.status !== 'available');
    const last = charges.at(-1);
    const next = waiting
      ? new Date(waiting.created_at)
      : last
        ? new Date(new Date(last.created_at).getTime() - LATE_COMMIT_MS)
        : null;
    if (next)
      await this.dataSource.query(
        `UPDATE rolling_reserves SET scan_from = GREATEST(COALESCE(scan_from, ?), ?)
         WHERE account_id = ? AND livemode = ? AND in_force_since = ?`,
        [next, next, reserve.account_id, reserve.livemode, since],
      );
    return held;
  }

  /**
   * Holds one payment's part, in one transaction with its claim on the payment: a concurrent
   * pass finds the claim taken (or waits for it, then finds it) and holds nothing.
   */
  private holdOne(reserve: ReserveRow, charge: ChargeRow, now: Date): Promise<boolean> {
    const account = refOf(reserve);
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const claimed = (await manager.query(
          `INSERT IGNORE INTO reserve_holds
             (charge_transaction_id, charge_id, account_id, platform_id, livemode, currency, amount,
              percent, held_at, release_on, status)
           VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'held')`,
          [
            charge.id,
            charge.source_id,
            account.accountId,
            account.platformId,
            account.livemode,
            charge.currency,
            reserve.percent,
            now,
            releaseOn(now, reserve.days),
          ],
        )) as InsertResult;
        if (!claimed.affectedRows) return false;
        const { available } = await lockOwnBalances(manager, account, charge.currency);
        const amount = holdAmount(Number(charge.net), reserve.percent, available);
        if (amount === 0) {
          // Nothing to hold (a tiny payment, or refunds took its money): nothing to release.
          await manager.query(
            `UPDATE reserve_holds SET status = 'released', released_amount = 0, released_at = ?
             WHERE charge_transaction_id = ?`,
            [now, charge.id],
          );
          return true;
        }
        const entry = reserveHoldEntry({
          ...account,
          currency: charge.currency,
          amount,
          sourceId: charge.source_id ?? charge.id,
          description: `Rolling reserve: ${reserve.percent}% held for ${reserve.days} days`,
          now,
        });
        const posted = await postEntry(manager, account, entry, now);
        await manager.query(
          'UPDATE reserve_holds SET amount = ?, hold_transaction_id = ? WHERE charge_transaction_id = ?',
          [amount, posted.id, charge.id],
        );
        return true;
      }),
    );
  }

  /** Releases holds whose day has come, batch by batch; several passes share them (SKIP LOCKED). */
  private async releaseDue(now: Date, batchSize = 200): Promise<number> {
    let released = 0;
    for (;;) {
      const count = await retryOnDeadlock(() =>
        this.dataSource.transaction('READ COMMITTED', async (manager) => {
          const due = (await manager.query(
            `SELECT charge_transaction_id, charge_id, account_id, platform_id, livemode, currency, amount
             FROM reserve_holds WHERE status = 'held' AND release_on <= ?
             ORDER BY release_on LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`,
            [now],
          )) as HoldRow[];
          for (const hold of due) await this.releaseOne(manager, hold, now);
          return due.length;
        }),
      );
      released += count;
      if (count < batchSize) return released;
    }
  }

  private async releaseOne(manager: EntityManager, hold: HoldRow, now: Date): Promise<void> {
    const account = refOf(hold);
    const { reserve } = await lockOwnBalances(manager, account, hold.currency);
    const amount = releaseAmount(Number(hold.amount), reserve);
    const posted =
      amount > 0
        ? await postEntry(
            manager,
            account,
            reserveReleaseEntry({
              ...account,
              currency: hold.currency,
              amount,
              sourceId: hold.charge_id ?? hold.charge_transaction_id,
              description: 'Rolling reserve released',
              now,
            }),
            now,
          )
        : null;
    await manager.query(
      `UPDATE reserve_holds SET status = 'released', released_amount = ?,
         release_transaction_id = ?, released_at = ? WHERE charge_transaction_id = ?`,
      [amount, posted?.id ?? null, now, hold.charge_transaction_id],
    );
  }
}
