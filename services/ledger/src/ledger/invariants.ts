import type { DataSource } from 'typeorm';

export interface InvariantReport {
  /** Balance transactions whose postings do not sum to zero. */
  unbalancedTransactions: string[];
  /** Currencies (per mode) in which all balances together are not zero. */
  nonZeroCurrencies: Array<{ livemode: boolean; currency: string; sum: number }>;
  /** Ledger accounts whose kept balance differs from the sum of their postings. */
  drifted: Array<{ ledgerAccount: string; currency: string; postings: number; balance: number }>;
  /** Charges refunded beyond their amount, or whose refunded total disagrees with their refunds. */
  badRefunds: string[];
  ok: boolean;
}

/**
 * Checks the ledger's rules over everything it holds: every balance transaction balances, all
 * balances sum to zero, kept balances equal their postings, refunds never exceed their charge.
 * Tests assert it after concurrent runs; the benchmark reports it after a million rows.
 */
export async function ledgerInvariants(dataSource: DataSource): Promise<InvariantReport> {
  const unbalanced = (await dataSource.query(
    'SELECT balance_transaction_id AS id FROM postings GROUP BY balance_transaction_id HAVING SUM(amount) <> 0',
  )) as Array<{ id: string }>;
  const nonZero = (await dataSource.query(
    'SELECT livemode, currency, SUM(amount) AS total FROM ledger_balances GROUP BY livemode, currency HAVING total <> 0',
  )) as Array<{ livemode: number; currency: string; total: string }>;
  const drifted = (await dataSource.query(
    `SELECT p.ledger_account, p.currency, p.total AS postings, COALESCE(b.total, 0) AS balance
     FROM (SELECT ledger_account, currency, livemode, SUM(amount) AS total FROM postings
           GROUP BY ledger_account, currency, livemode) p
     LEFT JOIN (SELECT ledger_account, currency, livemode, SUM(amount) AS total FROM ledger_balances
           GROUP BY ledger_account, currency, livemode) b
       ON b.ledger_account = p.ledger_account AND b.currency = p.currency AND b.livemode = p.livemode
     WHERE p.total <> COALESCE(b.total, 0)`,
  )) as Array<{ ledger_account: string; currency: string; postings: string; balance: string }>;
  const badRefunds = (await dataSource.query(
    `SELECT c.id FROM charges c
     LEFT JOIN (SELECT charge_id, SUM(amount) AS total FROM refunds GROUP BY charge_id) r
       ON r.charge_id = c.id
     WHERE c.amount_refunded > c.amount OR c.amount_refunded <> COALESCE(r.total, 0)`,
  )) as Array<{ id: string }>;
  const report = {
    unbalancedTransactions: unbalanced.map((row) => row.id),
    nonZeroCurrencies: nonZero.map((row) => ({
      livemode: Boolean(row.livemode),
      currency: row.currency,
      sum: Number(row.total),
    })),
    drifted: drifted.map((row) => ({
      ledgerAccount: row.ledger_account,
      currency: row.currency,
      postings: Number(row.postings),
      balance: Number(row.balance),
    })),
    badRefunds: badRefunds.map((row) => row.id),
  };
  return {
    ...report,
    ok:
      report.unbalancedTransactions.length === 0 &&
      report.nonZeroCurrencies.length === 0 &&
      report.drifted.length === 0 &&
      report.badRefunds.length === 0,
  };
}
