import type { DataSource } from 'typeorm';
import type { AccountRef, Tenant } from '@dash/contracts';
import { decodePosition, encodePosition, type PageArgs } from '@dash/subgraph';
import { badInput } from '@dash/errors';
import type { RiskSignalKind } from '@dash/events';
import type {
  AccountAtRiskPage,
  AccountsAtRiskFilter,
  RiskSignal,
  RiskSignalPoint,
} from './risk-signal.type.js';

interface SignalRow {
  account_id: string;
  livemode: number | boolean;
  kind: RiskSignalKind;
  measure: string;
  window_days: number;
  value: number;
  threshold: number;
  breached: number | boolean;
  breached_since: Date | null;
  computed_at: Date;
}

/** The order signals are shown in, as the assessment computes them. */
const KIND_ORDER: RiskSignalKind[] = [
  'dispute_rate',
  'refund_rate',
  'negative_balance',
  'volume_change',
  'payout_failures',
];

const signalOf = (row: SignalRow): RiskSignal => ({
  accountId: row.account_id,
  livemode: Boolean(row.livemode),
  kind: row.kind,
  measure: row.measure,
  windowDays: row.window_days,
  value: Number(row.value),
  threshold: Number(row.threshold),
  breached: Boolean(row.breached),
  breachedSince: row.breached_since ? new Date(row.breached_since) : null,
  computedAt: new Date(row.computed_at),
});

const SIGNAL_COLUMNS = `account_id, livemode, kind, measure, window_days, value, threshold,
  breached, breached_since, computed_at`;

const inOrder = (a: RiskSignal, b: RiskSignal) =>
  KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
  (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0);

/** What platforms read of their accounts' risk signals. */
export class RiskSignals {
  constructor(private readonly dataSource: DataSource) {}

  /** The account's signals as last computed (none before its first assessment). */
  async ofAccount(account: Pick<AccountRef, 'accountId' | 'livemode'>): Promise<RiskSignal[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${SIGNAL_COLUMNS} FROM risk_signals WHERE account_id = ? AND livemode = ?`,
      [account.accountId, account.livemode],
    )) as SignalRow[];
    return rows.map(signalOf).sort(inOrder);
  }

  /** The signal's last `first` changes, newest first. */
  async history(signal: RiskSignal, first: number): Promise<RiskSignalPoint[]> {
    const rows = (await this.dataSource.query(
      `SELECT value, breached, at FROM risk_signal_history
       WHERE account_id = ? AND livemode = ? AND kind = ? AND measure = ?
       ORDER BY at DESC, id DESC LIMIT ${Math.trunc(first)}`,
      [signal.accountId, signal.livemode, signal.kind, signal.measure],
    )) as Array<{ value: number; breached: number | boolean; at: Date }>;
    return rows.map((row) => ({
      at: new Date(row.at),
      value: Number(row.value),
      breached: Boolean(row.breached),
    }));
  }

  /**
   * The tenant's accounts with a signal in the breach state asked for (breached unless told),
   * of one kind when asked, by account id; each with all its signals.
   */
  async atRisk(
    tenant: Tenant,
    filter: AccountsAtRiskFilter,
    { first, after }: PageArgs,
  ): Promise<AccountAtRiskPage> {
    const scope = `accountsAtRisk:${tenant.platformId}:${tenant.livemode}`;
    const [afterId] = after ? decodePosition(after, scope) : [];
    if (after && typeof afterId !== 'string')
      throw badInput('after is not a cursor this list gave out', 'after');
    const conditions = ['platform_id = ?', 'livemode = ?', 'breached = ?'];
    const values: unknown[] = [tenant.platformId, tenant.livemode, filter.breached ?? true];
    if (filter.signal) {
      conditions.push('kind = ?');
      values.push(filter.signal);
    }
    if (afterId) {
      conditions.push('account_id > ?');
      values.push(afterId);
    }
    const ids = (
      (await this.dataSource.query(
        `SELECT DISTINCT account_id FROM risk_signals WHERE ${conditions.join(' AND ')}
         ORDER BY account_id LIMIT ${Math.trunc(first) + 1}`,
        values,
      )) as Array<{ account_id: string }>
    ).map((row) => row.account_id);
    const page = ids.slice(0, first);
    const rows =
      page.length === 0
        ? []
        : ((await this.dataSource.query(
            `SELECT ${SIGNAL_COLUMNS} FROM risk_signals
             WHERE account_id IN (?) AND livemode = ? AND platform_id = ?`,
            [page, tenant.livemode, tenant.platformId],
          )) as SignalRow[]);
    const signals = rows.map(signalOf);
    return {
      nodes: page.map((id) => ({
        account: { id },
        signals: signals.filter((signal) => signal.accountId === id).sort(inOrder),
      })),
      pageInfo: {
        hasNextPage: ids.length > first,
        endCursor: page.length > 0 ? encodePosition([page.at(-1)!], scope) : null,
      },
    };
  }
}
