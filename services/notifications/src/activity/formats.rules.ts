import { formatMoney } from '@dash/money';

/** The languages the dashboard and its messages speak (the dashboard's web-kit has the same). */
export const LOCALES = ['en', 'zh-CN', 'ja', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** A language asked for, as one of ours: anything else (or none chosen) reads as English. */
export const localeOf = (requested: string | null | undefined): Locale =>
  (LOCALES as readonly string[]).includes(requested ?? '') ? (requested as Locale) : 'en';

/**
 * How one language writes what activity and messages state: amounts, calendar days (named in
 * UTC by the services, shown as that day), moments, weekdays and lists, all as Intl writes
 * them in that language.
 */
export interface Formats {
  money(amount: number, currency: string): string;
  day(iso: string | null | undefined): string;
  /** A moment to the minute, in UTC, saying so: "Mar 9, 2026, 2:05 PM UTC". */
  moment(iso: string | null | undefined): string;
  /** A weekday by its English name (as schedules keep it): friday → Freitag. */
  weekday(name: string | null | undefined): string;
  /** Items as one phrase: "a, b, and c", "a、b和c". */
  list(items: readonly string[]): string;
}

/** Weekdays as schedules name them, from Sunday. */
const WEEK = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function formatsIn(locale: Locale): Formats {
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moments = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const weekdays = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    money: (amount, currency) => formatMoney(amount, currency, locale),
    day: (iso) => (iso ? days.format(new Date(iso)) : ''),
    moment: (iso) => (iso ? `${moments.format(new Date(iso))} UTC` : ''),
    // 4 January 1970 was a Sunday: its week names every day.
    weekday: (name) => {
      const at = WEEK.indexOf(name ?? '');
      return at < 0 ? '' : weekdays.format(new Date(Date.UTC(1970, 0, 4 + at)));
    },
    list: (items) => lists.format(items),
  };
}

/** A tax form's name as the IRS writes it, in every language: us_1099_k → 1099-K. */
export const taxFormName = (formType: string) =>
  formType.replace(/^us_/, '').replace('_', '-').toUpperCase();
