import type { DataSource } from 'typeorm';
import { DashError } from '@dash/errors';
import type { Logger } from '@dash/logger';
import { PayoutMethod } from '../payout/payout.entity.js';
import type { PayoutRequests } from '../payout/payout-requests.service.js';
import { duePeriod, payoutCutoff, type PayoutScheduleRule } from './schedule.rules.js';

interface DueRow {
  account_id: string;
  platform_id: string;
  livemode: number | boolean;
  currency: string;
  destination_id: string;
  payout_interval: PayoutScheduleRule['interval'] | null;
  delay_days: number | null;
  weekly_anchor: PayoutScheduleRule['weeklyAnchor'];
  monthly_anchor: number | null;
  time_zone: string | null;
}

const PAGE = 500;

/**
 * Pays out each account's available balance on its schedule: for every default bank account
 * (one per account and currency) whose schedule has a payout due today, one payout of what is
 * available from payments older than the rolling delay, keyed by the schedule's period. Running it again that day — after a restart, or
 * on a second scheduler — finds the key taken and pays nothing more.
 */
export async function runAutomaticPayouts(
  dataSource: DataSource,
  requests: PayoutRequests,
  defaultRule: PayoutScheduleRule,
  log: Logger,
  now = new Date(),
): Promise<number> {
  let made = 0;
  let after = '';
  for (;;) {
    const rows = (await dataSource.query(
      `SELECT ea.account_id, ea.platform_id, ea.livemode, ea.currency, ea.id AS destination_id,
              s.payout_interval, s.delay_days, s.weekly_anchor, s.monthly_anchor, s.time_zone
       FROM external_accounts ea
       LEFT JOIN payout_schedules s ON s.account_id = ea.account_id
       LEFT JOIN accounts a ON a.id = ea.account_id
       WHERE ea.default_for IS NOT NULL AND CONCAT(ea.account_id, ':', ea.currency) > ?
         AND (a.closed IS NULL OR a.closed = FALSE)
         AND (s.payout_interval IS NULL OR s.payout_interval <> 'manual')
       ORDER BY ea.account_id, ea.currency LIMIT ${PAGE}`,
      [after],
    )) as DueRow[];
    for (const row of rows) {
      const rule: PayoutScheduleRule = row.payout_interval
        ? {
            interval: row.payout_interval,
            delayDays: row.delay_days ?? defaultRule.delayDays,
            weeklyAnchor: row.weekly_anchor,
            monthlyAnchor: row.monthly_anchor,
            timeZone: row.time_zone ?? 'UTC',
          }
        : defaultRule;
      const period = duePeriod(rule, now);
      if (!period) continue;
      try {
        await requests.create(
          {
            accountId: row.account_id,
            platformId: row.platform_id,
            livemode: Boolean(row.livemode),
          },
          {
            currency: row.currency,
            amount: 'available',
            createdBefore: payoutCutoff(rule, now),
            method: PayoutMethod.standard,
            destination: row.destination_id,
            automatic: true,
            requestedBy: 'schedule',
          },
          `automatic:${period}:${row.currency}`,
          `schedule:${row.account_id}`,
        );
        made += 1;
      } catch (error) {
        const reason = error instanceof DashError ? error.extensions.reason : undefined;
        // Held, not failed: the balance stays and the next run after payouts are back pays it.
        if (reason !== 'NOTHING_TO_PAY_OUT' && reason !== 'ACCOUNT_PAYOUTS_DISABLED')
          log.warn({ err: error, accountId: row.account_id }, 'automatic payout not made');
      }
    }
    if (rows.length < PAGE) return made;
    const last = rows[rows.length - 1]!;
    after = `${last.account_id}:${last.currency}`;
  }
}
