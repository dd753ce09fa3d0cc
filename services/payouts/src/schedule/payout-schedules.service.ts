import { bucketed, placeholders, preparedEntities } from '@dash/db';
import type { DataSource } from 'typeorm';
import { DashError } from '@dash/errors';
import { recordEvent, type Actor } from '@dash/events';
import { isTimeZone } from '@dash/subgraph';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { PayoutScheduleRow } from './payout-schedule.entity.js';
import { PAYOUT_INTERVALS, WEEKDAYS, type PayoutScheduleRule } from './schedule.rules.js';

export type ScheduleChange = Partial<PayoutScheduleRule>;

const invalid = (field: string, message: string) =>
  new DashError('BAD_USER_INPUT', message, { field });

/**
 * Payout schedules. An account without one of its own has the default: daily, on the
 * configured rolling delay, by UTC days — as a new Stripe account has.
 */
export class PayoutSchedules {
  constructor(
    private readonly dataSource: DataSource,
    private readonly defaultDelayDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get defaultRule(): PayoutScheduleRule {
    return {
      interval: 'daily',
      delayDays: this.defaultDelayDays,
      weeklyAnchor: null,
      monthlyAnchor: null,
      timeZone: 'UTC',
    };
  }

  async get(account: Pick<AccountRef, 'accountId'>): Promise<PayoutScheduleRule> {
    const [rule] = await this.getEach([account]);
    return rule!;
  }

  /**
   * Each account's schedule with one statement, in the order asked: the balance card's fields
   * and a platform's query for many accounts read them together (a prepared read).
   */
  async getEach(
    accounts: ReadonlyArray<Pick<AccountRef, 'accountId'>>,
  ): Promise<PayoutScheduleRule[]> {
    const ids = bucketed(accounts.map((account) => account.accountId));
    if (!ids.length) return [];
    const rows = await preparedEntities(
      this.dataSource,
      PayoutScheduleRow,
      `WHERE account_id IN (${placeholders(ids)})`,
      ids,
    );
    // Matched as the database compares ids (without case), as each account was read alone.
    const byId = new Map(rows.map((row) => [row.accountId.toLowerCase(), row]));
    return accounts.map((account) => {
      const row = byId.get(account.accountId.toLowerCase());
      return row ? ruleOf(row) : this.defaultRule;
    });
  }

  /**
   * Changes what is given and keeps the rest; the result must make sense as a whole. A change
   * is saved with its `payout_schedule.updated` event (the activity hub says it).
   */
  async update(
    account: AccountRef,
    change: ScheduleChange,
    by: Actor,
  ): Promise<PayoutScheduleRule> {
    const before = await this.get(account);
    const rule = { ...before, ...definedOnly(change) };
    if (!PAYOUT_INTERVALS.includes(rule.interval))
      throw invalid('interval', `interval must be one of ${PAYOUT_INTERVALS.join(', ')}`);
    if (rule.interval === 'weekly') {
      if (!rule.weeklyAnchor || !WEEKDAYS.includes(rule.weeklyAnchor))
        throw invalid('weeklyAnchor', 'A weekly schedule needs weeklyAnchor: the day of the week.');
    } else rule.weeklyAnchor = null;
    if (rule.interval === 'monthly') {
      const anchor = rule.monthlyAnchor;
      if (!Number.isInteger(anchor) || anchor! < 1 || anchor! > 31)
        throw invalid(
          'monthlyAnchor',
          'A monthly schedule needs monthlyAnchor: a day from 1 to 31.',
        );
    } else rule.monthlyAnchor = null;
    if (
      !Number.isInteger(rule.delayDays) ||
      rule.delayDays < this.defaultDelayDays ||
      rule.delayDays > 31
    )
      throw invalid(
        'delayDays',
        `delayDays must be from ${this.defaultDelayDays} (funds settle no sooner) to 31.`,
      );
    if (!isTimeZone(rule.timeZone))
      throw invalid('timeZone', 'timeZone must be an IANA time zone such as Europe/Paris.');
    if (sameRule(before, rule)) return rule;
    await this.dataSource.transaction(async (manager) => {
      const now = this.now();
      await manager.getRepository(PayoutScheduleRow).upsert(
        {
          accountId: account.accountId,
          platformId: account.platformId,
          livemode: account.livemode,
          ...rule,
          updatedAt: now,
        },
        ['accountId'],
      );
      await recordEvent(
        manager,
        'payouts',
        'payout_schedule.updated',
        accountRefOf(account),
        { ...rule, by },
        now,
      );
    });
    return rule;
  }
}

export const ruleOf = (row: PayoutScheduleRow): PayoutScheduleRule => ({
  interval: row.interval,
  delayDays: row.delayDays,
  weeklyAnchor: row.weeklyAnchor,
  monthlyAnchor: row.monthlyAnchor,
  timeZone: row.timeZone,
});

const sameRule = (a: PayoutScheduleRule, b: PayoutScheduleRule) =>
  a.interval === b.interval &&
  a.delayDays === b.delayDays &&
  a.weeklyAnchor === b.weeklyAnchor &&
  a.monthlyAnchor === b.monthlyAnchor &&
  a.timeZone === b.timeZone;

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
