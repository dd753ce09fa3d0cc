import { formatMoney } from '@dash/money';

/** The languages the dashboard speaks; anything else reads as English. */
export type Locale = 'en' | 'zh-CN';

export const localeOf = (requested: string | null | undefined): Locale =>
  requested === 'zh-CN' ? 'zh-CN' : 'en';

/** Activity and emails state amounts and days the same way everywhere, in the reader's language. */
export const money = (amount: number, currency: string, locale: Locale = 'en') =>
  formatMoney(amount, currency, locale);
export const day = (iso: string | null, locale: Locale = 'en') =>
  iso ? new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' }) : '';
