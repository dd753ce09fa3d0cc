import type { DataSource, EntityManager } from 'typeorm';
import { placeholders, preparedRead } from '@dash/db';
import type { AccountRef, ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import { ledgerAccount } from '../postings/ledger-accounts.rules.js';
import type { AvailableSoon, Balance } from './balance.type.js';

/** A DATE column as the start of that day in UTC (drivers hand it over as text or a Date). */
const utcDay = (day: string | Date) =>
  new Date(
    `${typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10)}T00:00:00Z`,
  );

type Sums = Record<string, { available: number; pending: number; reserve: number }>;

/**
 * An account's balances per currency, read from the maintained ledger balances. Pending money
 * whose day has come but that the release job has not moved yet counts as available already,
 * so the answer is exact whenever it is asked.
 */
export class Balances {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `manager`: read through that transaction instead (a sweep that reports the balances it
   * saw under its own lock); by default, prepared reads on the pool.
   */
  async balances(
    account: Pick<AccountRef, 'accountId' | 'livemode'>,
    now: Date,
    manager?: EntityManager,
  ): Promise<Balance[]> {
    const { accountId, livemode } = account;
    const read = <Row>(sql: string, values: unknown[]): Promise<Row[]> =>
      manager
        ? (manager.query(sql, values) as Promise<Row[]>)
        : preparedRead<Row>(this.dataSource, sql, values);
    const accounts = {
      [ledgerAccount.available(accountId)]: 'available',
      [ledgerAccount.pending(accountId)]: 'pending',
      [ledgerAccount.reserve(accountId)]: 'reserve',
      // A top-up on its way from the bank: pending until its debit settles.
      [ledgerAccount.reservePending(accountId)]: 'pending',
      // So is a debit of the bank recovering a negative balance.
      [ledgerAccount.recoveryPending(accountId)]: 'pending',
    } as const;
    const ledgerAccounts = Object.keys(accounts);
    // Every balance read of the dashboard comes here: prepared statements, not TypeORM.
    const stored = await read<{ ledger_account: string; currency: string; amount: string }>(
      `SELECT ledger_account, currency, SUM(amount) AS amount FROM ledger_balances
       WHERE ledger_account IN (${placeholders(ledgerAccounts)}) AND livemode = ?
       GROUP BY ledger_account, currency`,
      [...ledgerAccounts, livemode],
    );
    const sums: Sums = {};
    for (const row of stored) {
      sums[row.currency] ??= { available: 0, pending: 0, reserve: 0 };
      sums[row.currency]![accounts[row.ledger_account]!] += Number(row.amount);
    }
    const pending = await read<{
      currency: string;
      due: number | string;
      day: string | Date;
      amount: string;
    }>(
      `SELECT currency, available_on <= ? AS due, DATE(available_on) AS day, SUM(net) AS amount
       FROM balance_transactions
       WHERE account_id = ? AND livemode = ? AND status = 'pending'
         AND type NOT IN ('topup', 'recovery_debit')
       GROUP BY currency, due, day ORDER BY day`,
      [now, accountId, livemode],
    );
    const soon: Record<string, AvailableSoon[]> = {};
    for (const row of pending) {
      const amount = Number(row.amount);
      const entry = (sums[row.currency] ??= { available: 0, pending: 0, reserve: 0 });
      if (Number(row.due) === 1) {
        // Due, not yet released: already the account's to pay out.
        entry.pending -= amount;
        entry.available += amount;
      } else {
        (soon[row.currency] ??= []).push({ availableOn: utcDay(row.day), amount });
      }
    }
    return Object.entries(sums)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, sum]) => ({
        currency,
        ...sum,
        total: sum.available + sum.pending + sum.reserve,
        availableSoon: soon[currency] ?? [],
      }));
  }

  /**
   * An account with money left, or owing money, in any currency cannot close. What counts is the
   * total: a refund taken from available while the charge is still pending nets to nothing.
   */
  async closureBlockers({ accountId, livemode }: ClosureCheckRequest): Promise<ClosureBlocker[]> {
    const left = (await this.balances({ accountId, livemode }, new Date())).filter(
      (balance) => balance.total !== 0,
    );
    if (left.length === 0) return [];
    const currencies = left.map((balance) => balance.currency.toUpperCase()).join(', ');
    return [
      {
        reason: 'BALANCE_REMAINING',
        message: `A balance remains (${currencies}); it must be paid out or settled first.`,
      },
    ];
  }
}
