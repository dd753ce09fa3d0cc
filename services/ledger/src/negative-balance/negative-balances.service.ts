import type { DataSource } from 'typeorm';
import { preparedRead } from '@dash/db';
import type { AccountRef } from '@dash/contracts';
import type { Balances } from '../account/balances.service.js';
import { DEFAULT_RISK_SETTINGS } from '../risk/risk-settings.rules.js';
import {
  BALANCE_TRANSACTION_TYPES,
  type BalanceTransactionType,
} from '../postings/entries.rules.js';
import {
  CAUSES_LOOKBACK_DAYS,
  negativeCausesOf,
  recoveryDateOf,
} from './negative-balance.rules.js';

const DAY = 24 * 3600 * 1000;

/** The `recoveryDays` of a platform that has no risk settings row of its own. */
const DEFAULT_RECOVERY_DAYS = DEFAULT_RISK_SETTINGS.recoveryDays;

export interface NegativeBalance {
  accountId: string;
  platformId: string;
  livemode: boolean;
  currency: string;
  /** What the account owes, in minor units (> 0). */
  amount: number;
  since: Date;
}

/** Why and until when a balance is negative: the `Balance` fields that explain it. */
export interface NegativeBalanceExplanation {
  since: Date;
  recoveryScheduledFor: Date;
  causes: BalanceTransactionType[];
}

interface Row {
  account_id: string;
  platform_id: string;
  livemode: number | boolean;
  currency: string;
  amount: string | number;
  since: Date;
}

const negativeBalanceOf = (row: Row): NegativeBalance => ({
  accountId: row.account_id,
  platformId: row.platform_id,
  livemode: Boolean(row.livemode),
  currency: row.currency,
  amount: Number(row.amount),
  since: new Date(row.since),
});

const COLUMNS = 'account_id, platform_id, livemode, currency, amount, since';

/**
 * The balances below zero, as the watch (`NegativeBalanceWatch`) keeps them: for the platform's
 * overview, the account's balance card and risk signal, and the recovery of what is owed. How
 * long a balance may stay negative before it is recovered is each platform's `recoveryDays`
 * (its risk settings, per mode).
 */
export class NegativeBalances {
  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: Balances,
  ) {}

  /** Every negative balance of the platform's mode (A's overview). */
  async ofPlatform(platformId: string, livemode: boolean): Promise<NegativeBalance[]> {
    const rows = await preparedRead<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM negative_balances WHERE platform_id = ? AND livemode = ?
       ORDER BY since, account_id, currency`,
      [platformId, livemode],
    );
    return rows.map(negativeBalanceOf);
  }

  /** The account's (A's negative_balance signal, the Balance fields). */
  async ofAccount(accountId: string, livemode: boolean): Promise<NegativeBalance[]> {
    const rows = await preparedRead<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM negative_balances WHERE account_id = ? AND livemode = ?
       ORDER BY currency`,
      [accountId, livemode],
    );
    return rows.map(negativeBalanceOf);
  }

  /**
   * Negative longer than each platform's recoveryDays, with no recovery in flight (a recovery
   * debit the ledger holds pending), oldest first. Each is checked against the balance as it is
   * now, so one made good since the watch last looked is left out, and `amount` is what is owed
   * now.
   */
  async dueForRecovery(now: Date, limit = 100): Promise<NegativeBalance[]> {
    const candidates = (await this.dataSource.query(
      `SELECT nb.account_id, nb.platform_id, nb.livemode, nb.currency, nb.amount, nb.since
       FROM negative_balances nb
       LEFT JOIN risk_settings rs ON rs.platform_id = nb.platform_id AND rs.livemode = nb.livemode
       WHERE DATE_ADD(nb.since, INTERVAL COALESCE(rs.recovery_days, ?) DAY) <= ?
         AND NOT EXISTS (
           SELECT 1 FROM balance_transactions bt
           WHERE bt.account_id = nb.account_id AND bt.livemode = nb.livemode
             AND bt.status = 'pending' AND bt.type = 'recovery_debit' AND bt.currency = nb.currency)
       ORDER BY nb.since, nb.account_id, nb.currency LIMIT ?`,
      [DEFAULT_RECOVERY_DAYS, now, limit],
    )) as Row[];
    const due: NegativeBalance[] = [];
    for (const candidate of candidates.map(negativeBalanceOf)) {
      const balance = (await this.balances.balances(candidate, now)).find(
        (each) => each.currency === candidate.currency,
      );
      if (balance && balance.available < 0) due.push({ ...candidate, amount: -balance.available });
    }
    return due;
  }

  /**
   * Since when the account's balance in `currency` has been negative, when it will be
   * recovered, and the debits that made it so; null when the watch has not seen it negative.
   */
  async explain(
    account: Pick<AccountRef, 'accountId' | 'livemode'>,
    currency: string,
  ): Promise<NegativeBalanceExplanation | null> {
    const [row] = await preparedRead<{ since: Date; recovery_days: number | null }>(
      this.dataSource,
      `SELECT nb.since, rs.recovery_days FROM negative_balances nb
       LEFT JOIN risk_settings rs ON rs.platform_id = nb.platform_id AND rs.livemode = nb.livemode
       WHERE nb.account_id = ? AND nb.livemode = ? AND nb.currency = ?`,
      [account.accountId, account.livemode, currency],
    );
    if (!row) return null;
    const since = new Date(row.since);
    const debits = await preparedRead<{ type: BalanceTransactionType }>(
      this.dataSource,
      `SELECT DISTINCT type FROM balance_transactions
       WHERE account_id = ? AND livemode = ? AND created_at >= ? AND currency = ? AND net < 0`,
      [
        account.accountId,
        account.livemode,
        new Date(since.getTime() - CAUSES_LOOKBACK_DAYS * DAY),
        currency,
      ],
    );
    return {
      since,
      recoveryScheduledFor: recoveryDateOf(since, row.recovery_days ?? DEFAULT_RECOVERY_DAYS),
      causes: negativeCausesOf(
        debits.map((debit) => debit.type),
        BALANCE_TRANSACTION_TYPES,
      ),
    };
  }
}
