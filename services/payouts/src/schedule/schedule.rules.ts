import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { startOfDay } from 'date-fns/startOfDay';
import { subDays } from 'date-fns/subDays';

export const PAYOUT_INTERVALS = ['daily', 'weekly', 'monthly', 'manual'] as const;
export type PayoutInterval = (typeof PAYOUT_INTERVALS)[number];

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When an account's available balance is paid out on its own (Stripe's payout schedule). */
export interface PayoutScheduleRule {
  interval: PayoutInterval;
  /** How many days a payment's funds wait before an automatic payout takes them. */
  delayDays: number;
  /** Weekly payouts: the day of the week. */
  weeklyAnchor: Weekday | null;
  /** Monthly payouts: the day of the month, 1–31; in shorter months, its last day. */
  monthlyAnchor: number | null;
  /** Whose calendar "the day" is: an IANA zone. */
  timeZone: string;
}

/**
 * The period an automatic payout made at `now` belongs to, or null when none is due that day
 * (and always for manual schedules). The period is the payout's idempotency key: however
 * often the scheduler runs that day — or how many schedulers run — one payout per period.
 */
export function duePeriod(rule: PayoutScheduleRule, now: Date): string | null {
  const local = new TZDate(now.getTime(), rule.timeZone);
  const day = format(local, 'yyyy-MM-dd');
  switch (rule.interval) {
    case 'daily':
      return `daily:${day}`;
    case 'weekly':
      return WEEKDAYS[local.getDay()] === rule.weeklyAnchor ? `weekly:${day}` : null;
    case 'monthly': {
      const anchor = Math.min(rule.monthlyAnchor ?? 1, getDaysInMonth(local));
      return local.getDate() === anchor ? `monthly:${format(local, 'yyyy-MM')}` : null;
    }
    case 'manual':
      return null;
  }
}

/**
 * The rolling delay: an automatic payout due on `now`'s local day pays out money from payments
 * made before the start of that day, `delayDays` earlier. The same for every run that day, so
 * the payout's request — and its idempotency key — stay the same.
 */
export function payoutCutoff(rule: PayoutScheduleRule, now: Date): Date {
  const dayStart = startOfDay(new TZDate(now.getTime(), rule.timeZone));
  return new Date(subDays(dayStart, rule.delayDays).getTime());
}

/** The next local day (today included) an automatic payout is due, as yyyy-MM-dd, or null. */
export function nextPayoutDay(rule: PayoutScheduleRule, now: Date): string | null {
  if (rule.interval === 'manual') return null;
  let day = new TZDate(now.getTime(), rule.timeZone);
  for (let i = 0; i < 32; i += 1, day = addDays(day, 1)) {
    if (duePeriod(rule, day) !== null) return format(day, 'yyyy-MM-dd');
  }
  return null;
}
