import type { DataSource } from 'typeorm';

export interface InvariantReport {
  /** Balance transactions whose postings do not sum to zero. */
  unbalancedTransactions: string[];
  /** Currencies (per mode) in which all balances together are not zero. */
  nonZeroCurrencies: Array<{ livemode: boolean; currency: string; sum: number }>;
  /** Ledger accounts whose kept balance differs from the sum of their postings. */
  drifted: Array<{ ledgerAccount: string; currency: string; postings: number; balance: number }>;
  /**
   * Charges whose refunds plus what a dispute took (and did not give back) exceed their amount,
   * or whose refunded or disputed totals disagree with their refunds and dispute transactions.
   */
  badRefunds: string[];
  ok: boolean;
}

/**
 * Checks the ledger's rules over everything it holds: every balance transaction balances, all
 * balances sum to zero, kept balances equal their postings, refunds and disputes together never
 * exceed their charge.
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
  // Refunds and disputes together: what went back to the cardholder by a refund, plus what a
  // dispute took and did not give back (read from the balance transactions themselves), never
  // exceeds the payment; and the charge's own counts agree with them.
  const badRefunds = (await dataSource.query(
    `SELECT c.id FROM charges c
     LEFT JOIN (SELECT charge_id, SUM(amount) AS total FROM refunds GROUP BY charge_id) r
       ON r.charge_id = c.id
     LEFT JOIN (SELECT source_id AS source,
                  -SUM(CASE WHEN type = 'dispute' THEN amount ELSE 0 END) AS taken,
                  SUM(CASE WHEN type = 'dispute_reversal' THEN 1 ELSE 0 END) AS reversals
                FROM balance_transactions WHERE type IN ('dispute', 'dispute_reversal')
                GROUP BY source_id) d
       ON d.source = c.dispute_id
     WHERE c.amount_refunded > c.amount OR c.amount_refunded <> COALESCE(r.total, 0)
        OR c.amount_refunded + c.disputed_amount > c.amount
        OR c.amount_refunded
           + CASE WHEN COALESCE(d.reversals, 0) > 0 THEN 0 ELSE COALESCE(d.taken, 0) END > c.amount
        OR c.disputed_amount <>
           CASE WHEN COALESCE(d.reversals, 0) > 0 THEN 0 ELSE COALESCE(d.taken, 0) END`,
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
