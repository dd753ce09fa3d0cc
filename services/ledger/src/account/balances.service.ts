import type { DataSource, EntityManager } from 'typeorm';
import { bucketed, placeholders, preparedRead } from '@dash/db';
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
    const [balances] = await this.balancesOf([account], now, manager);
    return balances!;
  }

  /**
   * `balances` of many accounts in one mode (a platform's query for many accounts), with the
   * same two statements as for one; answers in the order asked.
   */
  async balancesOf(
    accounts: ReadonlyArray<Pick<AccountRef, 'accountId' | 'livemode'>>,
    now: Date,
    manager?: EntityManager,
  ): Promise<Balance[][]> {
    const [atNow] = await this.balancesAt(accounts, [now], manager);
    return atNow ?? [];
  }

  /**
   * One account's balances now and at a later moment (what a payout then would find), with the
   * same two statements as for one moment: only which pending money has come due differs.
   */
  async nowAndThen(
    account: Pick<AccountRef, 'accountId' | 'livemode'>,
    now: Date,
    then: Date,
  ): Promise<{ now: Balance[]; then: Balance[] }> {
    const [atNow, atThen] = await this.balancesAt([account], [now, then]);
    return { now: atNow![0]!, then: atThen![0]! };
  }

  /** Each moment's `balancesOf`, from one read of the kept balances and one of pending money. */
  private async balancesAt(
    accounts: ReadonlyArray<Pick<AccountRef, 'accountId' | 'livemode'>>,
    moments: readonly Date[],
    manager?: EntityManager,
  ): Promise<Balance[][][]> {
    const [first] = accounts;
    if (!first) return moments.map(() => []);
    const { livemode } = first;
    if (accounts.some((account) => account.livemode !== livemode))
      throw new Error('balancesOf: accounts of one mode only');
    const read = <Row>(sql: string, values: unknown[]): Promise<Row[]> =>
      manager
        ? (manager.query(sql, values) as Promise<Row[]>)
        : preparedRead<Row>(this.dataSource, sql, values);
    // Each ledger account counted in a balance: whose it is and where it counts. Keyed as the
    // database compares ids (without case), as each account was read alone before.
    const counted = new Map<string, { accountId: string; kind: keyof Sums[string] }>();
    for (const { accountId } of accounts) {
      const count = (ledgerAccountName: string, kind: keyof Sums[string]) =>
        counted.set(ledgerAccountName.toLowerCase(), { accountId: accountId.toLowerCase(), kind });
      count(ledgerAccount.available(accountId), 'available');
      count(ledgerAccount.pending(accountId), 'pending');
      count(ledgerAccount.reserve(accountId), 'reserve');
      // A top-up on its way from the bank: pending until its debit settles.
      count(ledgerAccount.reservePending(accountId), 'pending');
      // So is a debit of the bank recovering a negative balance.
      count(ledgerAccount.recoveryPending(accountId), 'pending');
    }
    const ledgerAccounts = bucketed([...counted.keys()]);
    // Every balance read of the dashboard comes here: prepared statements, not TypeORM.
    const stored = await read<{ ledger_account: string; currency: string; amount: string }>(
      `SELECT ledger_account, currency, SUM(amount) AS amount FROM ledger_balances
       WHERE ledger_account IN (${placeholders(ledgerAccounts)}) AND livemode = ?
       GROUP BY ledger_account, currency`,
      [...ledgerAccounts, livemode],
    );
    const accountIds = bucketed([...new Set(accounts.map((account) => account.accountId))]);
    // Pending money by day, and for each moment whether it has come due by then.
    const dueBy = moments.map((_, index) => `available_on <= ? AS due${index}`);
    const pending = await read<
      {
        account_id: string;
        currency: string;
        day: string | Date;
        amount: string;
      } & Record<`due${number}`, number | string>
    >(
      `SELECT account_id, currency, ${dueBy.join(', ')}, DATE(available_on) AS day,
              SUM(net) AS amount
       FROM balance_transactions
       WHERE account_id IN (${placeholders(accountIds)}) AND livemode = ? AND status = 'pending'
         AND type NOT IN ('topup', 'recovery_debit')
       GROUP BY account_id, currency, ${dueBy.map((_, index) => `due${index}`).join(', ')}, day
       ORDER BY day`,
      [...moments, ...accountIds, livemode],
    );
    return moments.map((_, moment) => {
      const sumsOf = new Map<string, Sums>();
      const sumsIn = (accountId: string, currency: string) => {
        let sums = sumsOf.get(accountId);
        if (!sums) sumsOf.set(accountId, (sums = {}));
        return (sums[currency] ??= { available: 0, pending: 0, reserve: 0 });
      };
      for (const row of stored) {
        const { accountId, kind } = counted.get(row.ledger_account.toLowerCase())!;
        sumsIn(accountId, row.currency)[kind] += Number(row.amount);
      }
      const soonOf = new Map<string, Record<string, AvailableSoon[]>>();
      for (const row of pending) {
        const amount = Number(row.amount);
        const accountId = row.account_id.toLowerCase();
        const entry = sumsIn(accountId, row.currency);
        if (Number(row[`due${moment}`]) === 1) {
          // Due, not yet released: already the account's to pay out.
          entry.pending -= amount;
          entry.available += amount;
        } else {
          let soon = soonOf.get(accountId);
          if (!soon) soonOf.set(accountId, (soon = {}));
          const days = (soon[row.currency] ??= []);
          const availableOn = utcDay(row.day);
          // A day another moment splits comes in two rows (in day order): one entry here.
          const last = days[days.length - 1];
          if (last?.availableOn.getTime() === availableOn.getTime()) last.amount += amount;
          else days.push({ availableOn, amount });
        }
      }
      return accounts.map((account) => {
        const accountId = account.accountId.toLowerCase();
        return Object.entries(sumsOf.get(accountId) ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, sum]) => ({
            currency,
            ...sum,
            total: sum.available + sum.pending + sum.reserve,
            availableSoon: soonOf.get(accountId)?.[currency] ?? [],
          }));
      });
    });
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
