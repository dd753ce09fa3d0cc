import type { DataSource } from 'typeorm';
import type { LedgerScope } from './ledger/visible-scope.js';

/** The hourly net-volume rollup, kept in step with every posting that changes earnings. */
export class EarningsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hours(
    scope: LedgerScope,
    currency: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ hour: Date; net: number }>> {
    const rows = (await this.dataSource.query(
      `SELECT hour, net FROM earnings_hourly
       WHERE account_id = ? AND livemode = ? AND currency = ? AND hour >= ? AND hour < ?
       ORDER BY hour`,
      [scope.accountId, scope.livemode, currency, from, to],
    )) as Array<{ hour: Date; net: string }>;
    return rows.map((row) => ({ hour: row.hour, net: Number(row.net) }));
  }

  async firstHour(scope: LedgerScope, currency: string): Promise<Date | null> {
    const [row] = (await this.dataSource.query(
      `SELECT MIN(hour) AS first FROM earnings_hourly
       WHERE account_id = ? AND livemode = ? AND currency = ?`,
      [scope.accountId, scope.livemode, currency],
    )) as Array<{ first: Date | null }>;
    return row?.first ?? null;
  }
}
