import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { startOfDay } from 'date-fns/startOfDay';
import { nextPayoutDay, payoutCutoff, type PayoutScheduleRule } from './schedule.rules.js';

/** When the next automatic payout is made, and from which money. */
export interface ScheduledRun {
  /** Its day, yyyy-MM-dd in the schedule's time zone. */
  day: string;
  /**
   * The moment it is made: the scheduler pays a due day's payout at its first run that day, so
   * the start of that day — or now, when the day is today and it has not been paid yet.
   */
  at: Date;
  /** The rolling delay's cutoff for it: only money from before this is paid out. */
  cutoff: Date;
}

/** The start of a local day (yyyy-MM-dd) in `timeZone`, as an instant. */
const startOfLocalDay = (day: string, timeZone: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
};

/**
 * The next automatic payout of a schedule (none for manual ones): its next due day, today
 * included unless today's payout has been made already (`paidToday`).
 */
export function nextScheduledRun(
  rule: PayoutScheduleRule,
  now: Date,
  paidToday: boolean,
): ScheduledRun | null {
  const local = new TZDate(now.getTime(), rule.timeZone);
  const today = format(local, 'yyyy-MM-dd');
  let day = nextPayoutDay(rule, now);
  if (day === today && paidToday)
    day = nextPayoutDay(rule, new Date(startOfDay(addDays(local, 1)).getTime()));
  if (!day) return null;
  const at = day === today ? now : startOfLocalDay(day, rule.timeZone);
  return { day, at, cutoff: payoutCutoff(rule, at) };
}

/** The start of the schedule's local day that `now` falls in (an automatic payout made since then is today's). */
export const startOfScheduleDay = (rule: Pick<PayoutScheduleRule, 'timeZone'>, now: Date) =>
  new Date(startOfDay(new TZDate(now.getTime(), rule.timeZone)).getTime());
