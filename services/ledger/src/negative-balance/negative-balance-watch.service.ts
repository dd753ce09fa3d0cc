import type { DataSource, EntityManager } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { retryOnDeadlock } from '@dash/db';
import { touchReads } from '@dash/read-cache';
import type { Balances } from '../account/balances.service.js';
import { ledgerAccount } from '../postings/ledger-accounts.rules.js';
import { negativeSince, type AvailableChange } from './negative-balance.rules.js';

/**
 * Each pass looks again this far behind where the last one stopped: a movement is written with
 * its `available_on` a moment before its transaction commits, and one committed late is still
 * seen. Looking at a movement twice changes nothing.
 */
const LATE_COMMIT_MS = 5 * 60_000;
/** The most movements one pass reads; a backlog is taken over the next passes. */
const WINDOW_ROWS = 20_000;

interface MovementRow {
  id: string;
  account_id: string;
  platform_id: string;
  livemode: number | boolean;
  currency: string;
  status: string;
  type: string;
  net: string;
  available_on: Date;
}

interface KnownRow {
  currency: string;
  since: Date;
}

const keyOf = (account: Pick<AccountRef, 'accountId' | 'livemode'>) =>
  `${account.accountId}:${account.livemode ? 1 : 0}`;

/**
 * Keeps `negative_balances` in step with the accounts' available balances, off the posting
 * path (a charge's transaction gains no statement). Every change to an available balance is a
 * balance transaction whose `available_on` is when it took effect — posted at once, pending
 * money whose day came, a top-up or recovery that settled — so each pass reads those since the
 * last one (by the `(available_on, created_at)` index), looks at the balances of their accounts
 * as they are now, and writes or removes their rows. When a balance went below zero is replayed
 * from the movements the pass read.
 *
 * The watch's one row is locked by the pass that moves it: passes of several instances queue on
 * it, each starting where the one before ended.
 */
export class NegativeBalanceWatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: Balances,
  ) {}

  /** One pass up to `now`; returns how many accounts it looked at. */
  pass(now = new Date()): Promise<number> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction('READ COMMITTED', (manager) => this.passIn(manager, now)),
    );
  }

  private async passIn(manager: EntityManager, now: Date): Promise<number> {
    const [watch] = (await manager.query(
      'SELECT watched_to FROM negative_balance_watch WHERE id = 1 FOR UPDATE',
    )) as Array<{ watched_to: Date | null }>;
    const accounts = new Map<string, AccountRef>();
    let movements: MovementRow[] = [];
    let upTo = now;
    if (watch?.watched_to) {
      const from = new Date(new Date(watch.watched_to).getTime() - LATE_COMMIT_MS);
      movements = (await manager.query(
        `SELECT id, account_id, platform_id, livemode, currency, status, type, net, available_on
         FROM balance_transactions WHERE available_on > ? AND available_on <= ?
         ORDER BY available_on, id LIMIT ${WINDOW_ROWS}`,
        [from, now],
      )) as MovementRow[];
      if (movements.length === WINDOW_ROWS) upTo = new Date(movements.at(-1)!.available_on);
    } else {
      for (const account of await this.everyOwingAccount(manager))
        accounts.set(keyOf(account), account);
    }
    for (const row of movements) {
      const account = {
        accountId: row.account_id,
        platformId: row.platform_id,
        livemode: Boolean(row.livemode),
      };
      accounts.set(keyOf(account), account);
    }
    for (const account of accounts.values())
      await this.look(
        manager,
        account,
        movements.filter((row) => row.account_id === account.accountId),
        now,
      );
    await manager.query('UPDATE negative_balance_watch SET watched_to = ? WHERE id = 1', [upTo]);
    return accounts.size;
  }

  /** Writes the account's negative balances as they are now, and removes those made good. */
  private async look(
    manager: EntityManager,
    account: AccountRef,
    movements: MovementRow[],
    now: Date,
  ): Promise<void> {
    const known = (await manager.query(
      'SELECT currency, since FROM negative_balances WHERE account_id = ? AND livemode = ?',
      [account.accountId, account.livemode],
    )) as KnownRow[];
    const balances = await this.balances.balances(account, now, manager);
    for (const balance of balances) {
      if (balance.available >= 0) continue;
      const before = known.find((row) => row.currency === balance.currency);
      const changes = await this.changesOf(
        manager,
        account,
        movements.filter((row) => row.currency === balance.currency),
        now,
      );
      const since = negativeSince(
        balance.available,
        changes,
        before ? new Date(before.since) : null,
        now,
      );
      await manager.query(
        `INSERT INTO negative_balances
           (account_id, livemode, currency, platform_id, amount, since, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE amount = VALUES(amount), since = VALUES(since),
           checked_at = VALUES(checked_at)`,
        [
          account.accountId,
          account.livemode,
          balance.currency,
          account.platformId,
          -balance.available,
          since,
          now,
        ],
      );
      // The balance card reads `negativeSince`: a cached answer must not keep the old one.
      if (!before || new Date(before.since).getTime() !== since.getTime())
        await touchReads(manager, { accountId: account.accountId });
    }
    const madeGood = known.filter(
      (row) => !balances.some((b) => b.currency === row.currency && b.available < 0),
    );
    for (const row of madeGood)
      await manager.query(
        'DELETE FROM negative_balances WHERE account_id = ? AND livemode = ? AND currency = ?',
        [account.accountId, account.livemode, row.currency],
      );
    if (madeGood.length > 0) await touchReads(manager, { accountId: account.accountId });
  }

  /**
   * What each movement did to the available balance, in order: pending money whose day has come
   * counts whole (as the balance shown counts it); anything else by its postings to the
   * available ledger account (a refund drawn partly from the reserve, a settled charge).
   */
  private async changesOf(
    manager: EntityManager,
    account: AccountRef,
    movements: MovementRow[],
    now: Date,
  ): Promise<AvailableChange[]> {
    const countsWhole = (row: MovementRow) =>
      row.status === 'pending' &&
      row.type !== 'topup' &&
      row.type !== 'recovery_debit' &&
      new Date(row.available_on) <= now;
    const posted = movements.filter((row) => !countsWhole(row)).map((row) => row.id);
    const sums = posted.length
      ? ((await manager.query(
          `SELECT balance_transaction_id AS id, SUM(amount) AS amount FROM postings
           WHERE balance_transaction_id IN (?) AND ledger_account = ?
           GROUP BY balance_transaction_id`,
          [posted, ledgerAccount.available(account.accountId)],
        )) as Array<{ id: string; amount: string }>)
      : [];
    return movements.map((row) => ({
      at: new Date(row.available_on),
      delta: countsWhole(row)
        ? Number(row.net)
        : Number(sums.find((sum) => sum.id === row.id)?.amount ?? 0),
    }));
  }

  /** The first pass: every account whose available ledger balance is below zero. */
  private async everyOwingAccount(manager: EntityManager): Promise<AccountRef[]> {
    const rows = (await manager.query(
      `SELECT a.id, a.platform_id, a.livemode FROM accounts a
       JOIN ledger_balances b ON b.ledger_account = CONCAT('acct:', a.id, ':available')
         AND b.livemode = a.livemode
       WHERE b.amount < 0 GROUP BY a.id, a.platform_id, a.livemode`,
    )) as Array<{ id: string; platform_id: string; livemode: number | boolean }>;
    return rows.map((row) => ({
      accountId: row.id,
      platformId: row.platform_id,
      livemode: Boolean(row.livemode),
    }));
  }
}
