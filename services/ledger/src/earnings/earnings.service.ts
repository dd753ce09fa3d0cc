import type { DataSource } from 'typeorm';
import { preparedRead } from '@dash/db';
import type { AccountRef } from '@dash/contracts';

/**
 * The hourly net-volume rollup, kept in step with every posting that changes earnings. Read
 * from a replica: the chart is for looking at, an hour's total a second behind is redrawn on
 * the next refresh, and no money moves on it.
 */
export class EarningsRollup {
  constructor(private readonly dataSource: DataSource) {}

  async hours(
    account: AccountRef,
    currency: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ hour: Date; net: number }>> {
    const rows = await preparedRead<{ hour: Date; net: string }>(
      this.dataSource,
      `SELECT hour, net FROM earnings_hourly
       WHERE account_id = ? AND livemode = ? AND currency = ? AND hour >= ? AND hour < ?
       ORDER BY hour`,
      [account.accountId, account.livemode, currency, from, to],
      { replica: true },
    );
    return rows.map((row) => ({ hour: row.hour, net: Number(row.net) }));
  }

  async firstHour(account: AccountRef, currency: string): Promise<Date | null> {
    const [row] = await preparedRead<{ first: Date | null }>(
      this.dataSource,
      `SELECT MIN(hour) AS first FROM earnings_hourly
       WHERE account_id = ? AND livemode = ? AND currency = ?`,
      [account.accountId, account.livemode, currency],
      { replica: true },
    );
    return row?.first ?? null;
  }
}
