import type { EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import type { TaxFormType } from './thresholds.rules.js';
import { monthlyAmounts, taxYearRange } from './tax-year.rules.js';

/** What one account's form of a year reports. */
export interface YearTotals {
  accountId: string;
  /** 1099-K box 1a or 1099-NEC box 1, in cents. */
  amount: number;
  /** 1099-K box 3; null for a 1099-NEC. */
  transactionCount: number | null;
  /** 1099-K boxes 5a–5l; null for a 1099-NEC. */
  monthly: number[] | null;
}

interface MonthRow {
  account_id: string;
  month: number;
  amount: string;
  transactions: string;
}

/**
 * The 1099-K's payment transactions: every charge that went through (a declined one moved no
 * money), at its full amount — the IRS's gross, never reduced by refunds, disputes or fees —
 * in the month it was made (UTC). The 1099-NEC's payments: what the platform itself paid the
 * account, its transfers (see docs/adr/tax-form-amounts.md). US dollars only, and only for
 * accounts with US tax information, whose rows are found through each account's own index.
 */
const MONTHLY_SQL: Record<TaxFormType, string> = {
  us_1099_k: `
    SELECT c.account_id, MONTH(c.created_at) AS month, SUM(c.amount) AS amount,
           COUNT(*) AS transactions
    FROM tax_profiles p
    JOIN charges c ON c.account_id = p.account_id AND c.livemode = p.livemode
     AND c.platform_id = p.platform_id
    WHERE p.platform_id = ? AND p.livemode = ? AND (? IS NULL OR p.account_id = ?)
      AND c.created_at >= ? AND c.created_at < ?
      AND c.currency = 'usd' AND c.outcome = 'succeeded'
    GROUP BY c.account_id, MONTH(c.created_at)`,
  us_1099_nec: `
    SELECT t.account_id, MONTH(t.created_at) AS month, SUM(t.amount) AS amount,
           COUNT(*) AS transactions
    FROM tax_profiles p
    JOIN transfers t ON t.account_id = p.account_id AND t.livemode = p.livemode
     AND t.platform_id = p.platform_id
    WHERE p.platform_id = ? AND p.livemode = ? AND (? IS NULL OR p.account_id = ?)
      AND t.created_at >= ? AND t.created_at < ?
      AND t.currency = 'usd'
    GROUP BY t.account_id, MONTH(t.created_at)`,
};

/**
 * Each US account's totals for a year (one account's with `accountId`), summed in SQL from the
 * ledger's own rows; accounts with nothing that year are left out.
 */
export async function yearTotals(
  manager: EntityManager,
  tenant: Tenant,
  year: number,
  type: TaxFormType,
  accountId?: string,
): Promise<YearTotals[]> {
  const { from, to } = taxYearRange(year);
  const rows = (await manager.query(MONTHLY_SQL[type], [
    tenant.platformId,
    tenant.livemode,
    accountId ?? null,
    accountId ?? null,
    from,
    to,
  ])) as MonthRow[];
  const byAccount = new Map<string, MonthRow[]>();
  for (const row of rows)
    byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
  return [...byAccount.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, months]) => {
      const monthly = monthlyAmounts(
        months.map((row) => ({ month: Number(row.month), amount: Number(row.amount) })),
      );
      const amount = monthly.reduce((sum, month) => sum + month, 0);
      return type === 'us_1099_k'
        ? {
            accountId: id,
            amount,
            transactionCount: months.reduce((sum, row) => sum + Number(row.transactions), 0),
            monthly,
          }
        : { accountId: id, amount, transactionCount: null, monthly: null };
    });
}
