import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  nextPayoutDay,
  PAYOUT_INTERVALS,
  WEEKDAYS,
  type PayoutInterval,
  type PayoutScheduleRule,
  type Weekday,
} from './schedule.rules.js';

export const PayoutIntervalEnum = Object.fromEntries(PAYOUT_INTERVALS.map((i) => [i, i])) as {
  [I in PayoutInterval]: I;
};
registerEnumType(PayoutIntervalEnum, {
  name: 'PayoutInterval',
  description: 'daily, weekly or monthly automatic payouts, or manual (only when asked for).',
  valuesConfig: {
    daily: { description: 'Every day, in the schedule’s time zone.' },
    weekly: { description: 'Once a week, on `weeklyAnchor`.' },
    monthly: { description: 'Once a month, on `monthlyAnchor`.' },
    manual: { description: 'Only when the account or the platform asks for a payout.' },
  },
});

export const WeekdayEnum = Object.fromEntries(WEEKDAYS.map((d) => [d, d])) as {
  [D in Weekday]: D;
};
registerEnumType(WeekdayEnum, {
  name: 'Weekday',
  description: 'A day of the week, for weekly payouts.',
  valuesConfig: {
    sunday: { description: 'Sunday.' },
    monday: { description: 'Monday.' },
    tuesday: { description: 'Tuesday.' },
    wednesday: { description: 'Wednesday.' },
    thursday: { description: 'Thursday.' },
    friday: { description: 'Friday.' },
    saturday: { description: 'Saturday.' },
  },
});

@ObjectType({ description: "When the account's available balance is paid out on its own." })
export class PayoutSchedule {
  @Field(() => PayoutIntervalEnum, { description: 'How often it pays out.' })
  interval!: PayoutInterval;
  @Field(() => Int, {
    description: 'The rolling delay: days a payment waits before an automatic payout takes it.',
  })
  delayDays!: number;
  @Field(() => WeekdayEnum, { nullable: true, description: 'For weekly: the day it pays out.' })
  weeklyAnchor!: Weekday | null;
  @Field(() => Int, { nullable: true, description: '1–31; the last day in shorter months.' })
  monthlyAnchor!: number | null;
  @Field({ description: 'Whose calendar the days are (IANA).' }) timeZone!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The next day an automatic payout is due (yyyy-mm-dd), none when manual.',
  })
  nextPayoutDate!: string | null;

  /** A schedule as shown: the rule and the day it next pays out. */
  static of(rule: PayoutScheduleRule, now = new Date()): PayoutSchedule {
    return { ...rule, nextPayoutDate: nextPayoutDay(rule, now) };
  }
}
