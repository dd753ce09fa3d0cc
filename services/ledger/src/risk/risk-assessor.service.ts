import type { DataSource, EntityManager } from 'typeorm';
import type { AccountRef, Tenant } from '@dash/contracts';
import { insertOrLock, retryOnDeadlock } from '@dash/db';
import { recordEvent, type RiskSignalKind } from '@dash/events';
import type { Balances } from '../account/balances.service.js';
import type { NegativeBalances } from '../negative-balance/negative-balances.service.js';
import {
  assessmentState,
  signalFacts,
  UNASSESSED_STATE,
  wantedInterventions,
} from './policy.rules.js';
import type { RiskSettingsValues } from './risk-settings.rules.js';
import type { RiskSettingsStore } from './risk-settings.service.js';
import {
  compareSignals,
  readSignals,
  windowsAt,
  type AccountActivity,
  type OwedBalance,
  type StoredSignal,
} from './signals.rules.js';

/**
 * How far before its mark each pass looks again for activity: a movement's time is taken before
 * its transaction commits, so one committing late may carry a time the last pass already passed.
 * Assessing an account twice changes nothing the second time.
 */
const LATE_COMMIT_MS = 2 * 60_000;

interface AccountRow {
  account_id: string;
  platform_id: string;
  livemode: number | boolean;
}

interface ActivityRow {
  type: 'charge' | 'refund' | 'dispute' | 'payout_failure';
  currency: string;
  window_count: string;
  window_amount: string;
  recent_count: string;
  recent_amount: string;
  baseline_count: string;
  baseline_amount: string;
}

interface SignalRow {
  kind: RiskSignalKind;
  measure: string;
  window_days: number;
  value: number;
  threshold: number;
  breached: number | boolean;
  breached_since: Date | null;
}

const refOf = (row: AccountRow): AccountRef => ({
  accountId: row.account_id,
  platformId: row.platform_id,
  livemode: Boolean(row.livemode),
});

/**
 * The risk chore's assessment: each pass reads the signals of every account with ledger
 * activity since the last pass, and of every account breached or owing money (so windows slide
 * and ages advance), stores what changed (the signal, a history point) and — when the account's
 * breach state or the interventions its settings want changed — records `risk.assessed` in the
 * same transaction.
 *
 * How far passes have looked is one row (`risk_assessment_mark`), moved once a pass is done.
 * Two passes at once (two workers) may assess the same accounts: each account is assessed under
 * its own row's lock, so they take turns on it and the second finds nothing changed — no second
 * event, no second history point.
 */
export class RiskAssessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RiskSettingsStore,
    private readonly balances: Balances,
    private readonly negatives: Pick<NegativeBalances, 'ofAccount'>,
  ) {}

  /** One pass up to `now`; answers how many accounts it assessed and events it recorded. */
  async assessNow(now = new Date()): Promise<{ assessed: number; recorded: number }> {
    const [mark] = (await this.dataSource.query(
      'SELECT assessed_to FROM risk_assessment_mark WHERE id = 1',
    )) as Array<{ assessed_to: Date }>;
    if (!mark) throw new Error('risk_assessment_mark has no row: run the ledger migrations');
    const from = new Date(new Date(mark.assessed_to).getTime() - LATE_COMMIT_MS);
    const accounts = (await this.dataSource.query(
      `SELECT account_id, platform_id, livemode FROM balance_transactions
       WHERE created_at > ? AND created_at <= ? GROUP BY account_id, platform_id, livemode
       UNION
       SELECT account_id, platform_id, livemode FROM risk_assessments WHERE at_risk`,
      [from, now],
    )) as AccountRow[];
    const settingsOf = new Map<string, Promise<RiskSettingsValues>>();
    let recorded = 0;
    for (const row of accounts) {
      const account = refOf(row);
      const key = `${account.platformId}:${account.livemode}`;
      if (!settingsOf.has(key)) settingsOf.set(key, this.settings.of(account));
      if (await this.assess(account, await settingsOf.get(key)!, now)) recorded += 1;
    }
    // Moved only once every account is assessed: a pass that fails leaves the window to the next.
    await this.dataSource.query(
      'UPDATE risk_assessment_mark SET assessed_to = GREATEST(assessed_to, ?) WHERE id = 1',
      [now],
    );
    return { assessed: accounts.length, recorded };
  }

  /** Assesses one account; true when it recorded `risk.assessed`. */
  async assess(account: AccountRef, settings: RiskSettingsValues, now: Date): Promise<boolean> {
    const owedSince = await this.negatives.ofAccount(account.accountId, account.livemode);
    return retryOnDeadlock(() =>
      this.dataSource.transaction('READ COMMITTED', async (manager) => {
        // Locked from the start: passes assessing the same account at once queue on it.
        await insertOrLock(manager, 'risk_assessments', {
          account_id: account.accountId,
          livemode: account.livemode,
          platform_id: account.platformId,
          assessed_at: now,
        });
        const [assessment] = (await manager.query(
          'SELECT state FROM risk_assessments WHERE account_id = ? AND livemode = ? FOR UPDATE',
          [account.accountId, account.livemode],
        )) as Array<{ state: string | null }>;
        const activity = await this.activity(manager, account, settings, now);
        const owed: OwedBalance[] = (await this.balances.balances(account, now, manager))
          .filter((balance) => balance.available < 0)
          .map((balance) => ({
            currency: balance.currency,
            amount: -balance.available,
            since:
              owedSince.find((negative) => negative.currency === balance.currency)?.since ?? null,
          }));
        const compared = compareSignals(
          readSignals(activity, owed, settings, now),
          await this.stored(manager, account),
          now,
        );
        for (const { signal, changed } of compared)
          if (changed) await this.store(manager, account, signal, now);
        await manager.query(
          'UPDATE risk_signals SET computed_at = ? WHERE account_id = ? AND livemode = ?',
          [now, account.accountId, account.livemode],
        );
        const signals = compared.map(({ signal }) => signal);
        const wanted = wantedInterventions(signals, settings);
        const state = assessmentState(signals, wanted);
        const atRisk = signals.some((signal) => signal.breached) || owed.length > 0;
        await manager.query(
          `UPDATE risk_assessments SET state = ?, at_risk = ?, assessed_at = ?
           WHERE account_id = ? AND livemode = ?`,
          [state, atRisk, now, account.accountId, account.livemode],
        );
        if (state === (assessment?.state ?? UNASSESSED_STATE)) return false;
        await recordEvent(
          manager,
          'ledger',
          'risk.assessed',
          account,
          { assessedAt: now.toISOString(), signals: signalFacts(signals), wanted },
          now,
        );
        return true;
      }),
    );
  }

  /**
   * The account's charges, refunds, disputes and failed payouts of the last 98 days, per type
   * and currency, split at the window's and the volume's edges — one range of the account's
   * (account, mode, created) index.
   */
  private async activity(
    manager: EntityManager,
    account: Tenant & { accountId: string },
    settings: RiskSettingsValues,
    now: Date,
  ): Promise<AccountActivity> {
    const { from, windowStart, recentStart } = windowsAt(now, settings);
    const rows = (await manager.query(
      `SELECT type, currency,
         SUM(created_at > ?) AS window_count,
         SUM(IF(created_at > ?, ABS(amount), 0)) AS window_amount,
         SUM(created_at > ?) AS recent_count,
         SUM(IF(created_at > ?, ABS(amount), 0)) AS recent_amount,
         SUM(created_at <= ?) AS baseline_count,
         SUM(IF(created_at <= ?, ABS(amount), 0)) AS baseline_amount
       FROM balance_transactions
       WHERE account_id = ? AND livemode = ? AND created_at > ? AND created_at <= ?
         AND type IN ('charge', 'refund', 'dispute', 'payout_failure')
       GROUP BY type, currency`,
      [
        windowStart,
        windowStart,
        recentStart,
        recentStart,
        recentStart,
        recentStart,
        account.accountId,
        account.livemode,
        from,
        now,
      ],
    )) as ActivityRow[];
    const activity: AccountActivity = {
      window: {},
      payoutFailures: 0,
      recentCharges: {},
      baselineCharges: {},
    };
    const tally = (count: string, amount: string) => ({
      count: Number(count),
      amount: Number(amount),
    });
    for (const row of rows) {
      if (row.type === 'payout_failure') {
        activity.payoutFailures += Number(row.window_count);
        continue;
      }
      const currency = (activity.window[row.currency] ??= {
        charges: { count: 0, amount: 0 },
        refunds: { count: 0, amount: 0 },
        disputes: { count: 0, amount: 0 },
      });
      const inWindow = tally(row.window_count, row.window_amount);
      if (row.type === 'refund') currency.refunds = inWindow;
      else if (row.type === 'dispute') currency.disputes = inWindow;
      else {
        currency.charges = inWindow;
        activity.recentCharges[row.currency] = tally(row.recent_count, row.recent_amount);
        activity.baselineCharges[row.currency] = tally(row.baseline_count, row.baseline_amount);
      }
    }
    return activity;
  }

  private async stored(manager: EntityManager, account: AccountRef): Promise<StoredSignal[]> {
    const rows = (await manager.query(
      `SELECT kind, measure, window_days, value, threshold, breached, breached_since
       FROM risk_signals WHERE account_id = ? AND livemode = ?`,
      [account.accountId, account.livemode],
    )) as SignalRow[];
    return rows.map((row) => ({
      kind: row.kind,
      measure: row.measure,
      windowDays: row.window_days,
      value: Number(row.value),
      threshold: Number(row.threshold),
      breached: Boolean(row.breached),
      breachedSince: row.breached_since ? new Date(row.breached_since) : null,
    }));
  }

  /** A signal that changed: its row now, and a point in its history. */
  private async store(
    manager: EntityManager,
    account: AccountRef,
    signal: StoredSignal,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO risk_signals (account_id, livemode, kind, measure, platform_id, window_days,
         value, threshold, breached, breached_since, computed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE window_days = VALUES(window_days), value = VALUES(value),
         threshold = VALUES(threshold), breached = VALUES(breached),
         breached_since = VALUES(breached_since), computed_at = VALUES(computed_at)`,
      [
        account.accountId,
        account.livemode,
        signal.kind,
        signal.measure,
        account.platformId,
        signal.windowDays,
        signal.value,
        signal.threshold,
        signal.breached,
        signal.breachedSince,
        now,
      ],
    );
    await manager.query(
      `INSERT INTO risk_signal_history (account_id, livemode, kind, measure, value, breached, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        account.accountId,
        account.livemode,
        signal.kind,
        signal.measure,
        signal.value,
        signal.breached,
        now,
      ],
    );
  }
}
