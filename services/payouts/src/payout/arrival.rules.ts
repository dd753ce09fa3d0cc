import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import Holidays from 'date-holidays';

const calendars = new Map<string, Holidays | null>();
const KNOWN_COUNTRIES = new Holidays().getCountries();

/** The country's bank holidays, where the calendar knows them (null: weekends only). */
function calendarOf(country: string): Holidays | null {
  if (!calendars.has(country))
    calendars.set(country, KNOWN_COUNTRIES[country] ? new Holidays(country) : null);
  return calendars.get(country)!;
}

/** Banks are shut on public and bank holidays (not on observances or school holidays). */
export function isBankHoliday(country: string, day: string): boolean {
  const found = calendarOf(country)?.isHoliday(new Date(`${day}T12:00:00Z`));
  return Array.isArray(found) && found.some((h) => h.type === 'public' || h.type === 'bank');
}

export interface ArrivalRule {
  method: 'standard' | 'instant';
  /** The bank account's country, whose holidays count. */
  country: string;
  timeZone: string;
  /** Standard payouts: business days from the day it is sent. */
  businessDays: number;
}

/**
 * When a payout is expected in the bank: instant payouts within minutes; standard ones after
 * `businessDays` business days — weekends and the country's bank holidays skipped — counted
 * from the local day it is sent. Like Stripe's arrival_date, a calendar day (UTC midnight).
 */
export function expectedArrival(sentAt: Date, rule: ArrivalRule): Date {
  if (rule.method === 'instant') return sentAt;
  let day = new TZDate(sentAt.getTime(), rule.timeZone);
  let left = rule.businessDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !isBankHoliday(rule.country, format(day, 'yyyy-MM-dd'))) left -= 1;
  }
  return new Date(`${format(day, 'yyyy-MM-dd')}T00:00:00Z`);
}
