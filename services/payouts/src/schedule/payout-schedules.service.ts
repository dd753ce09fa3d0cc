import { preparedEntities } from '@dash/db';
import type { DataSource } from 'typeorm';
import { DashError } from '@dash/errors';
import { touchReads } from '@dash/read-cache';
import { isTimeZone } from '@dash/subgraph';
import type { AccountRef } from '@dash/contracts';
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
    // Read for every balance card: a prepared read.
    const [row] = await preparedEntities(
      this.dataSource,
      PayoutScheduleRow,
      'WHERE account_id = ?',
      [account.accountId],
    );
    return row ? ruleOf(row) : this.defaultRule;
  }

  /** Changes what is given and keeps the rest; the result must make sense as a whole. */
  async update(account: AccountRef, change: ScheduleChange): Promise<PayoutScheduleRule> {
    const rule = { ...(await this.get(account)), ...definedOnly(change) };
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
    await this.dataSource.getRepository(PayoutScheduleRow).upsert(
      {
        accountId: account.accountId,
        platformId: account.platformId,
        livemode: account.livemode,
        ...rule,
        updatedAt: this.now(),
      },
      ['accountId'],
    );
    await touchReads(this.dataSource.manager, { accountId: account.accountId });
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

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
