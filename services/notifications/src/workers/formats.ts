import { formatMoney } from '@dash/money';

/** Activity and emails state amounts and days the same way everywhere. */
export const money = (amount: number, currency: string) => formatMoney(amount, currency, 'en');
export const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' }) : '';
