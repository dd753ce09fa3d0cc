import {
  formatMoney,
  parseMajorUnits,
  toMajorUnitString,
  type FormatMoneyOptions,
} from '@dash/money';
import { getLocale } from './state.js';
import { useLocale } from './use-locale.js';

/** Money in the current locale: formatAmount(123456, 'usd') → "$1,234.56" or "US$1,234.56". */
export function formatAmount(
  amount: number,
  currency: string,
  options: { signed?: boolean } = {},
): string {
  return formatMoney(amount, currency, getLocale(), options);
}

/** A date in the current locale and the viewer's time zone ("Nov 24, 2026"). */
export function formatDate(
  value: Date | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(getLocale(), options).format(
    typeof value === 'string' ? new Date(value) : value,
  );
}

/** A moment to the minute, as lists and detail views show it ("Nov 24, 2026, 3:04 PM"). */
export const formatDateTime = (value: Date | string): string =>
  formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A calendar day the server names in UTC (arrival, availability): shown as that day wherever the
 * viewer is, not shifted into their time zone.
 */
export const formatDay = (value: Date | string): string =>
  formatDate(value, { dateStyle: 'medium', timeZone: 'UTC' });

/** Where money is paid out to, as its owner knows it: "Simulated Bank •••• 6789", "Visa •••• 4242". */
export const formatDestination = (destination: {
  brand: string | null;
  bankName: string | null;
  last4: string;
}): string =>
  `${destination.brand ? destination.brand[0]!.toUpperCase() + destination.brand.slice(1) : (destination.bankName ?? '')} •••• ${destination.last4}`.trim();

/**
 * Money for a component, following the locale as it changes; an amount still being typed (null,
 * or NaN when it does not read as one) shows as "—".
 */
export function useMoney() {
  const locale = useLocale();
  return (amount: number | null, currency: string, options: FormatMoneyOptions = {}): string =>
    amount === null || !Number.isSafeInteger(amount)
      ? '—'
      : formatMoney(amount, currency, locale.value, options);
}

/** The mark a locale writes decimals with: "." (en, ja, zh-CN) or "," (de, fr, es). */
const decimalMark = (locale: string): string =>
  new Intl.NumberFormat(locale).formatToParts(1.5).find(({ type }) => type === 'decimal')?.value ??
  '.';

/**
 * An amount as someone types it, in the currency's major units, read exactly into minor units:
 * "12.50", or "12,50" where the locale writes a decimal comma. Only that locale's mark is a
 * decimal: "1.250" in German or "1,250" in English could mean a thousand times more or less,
 * so it is refused (RangeError), never guessed at.
 */
export function parseAmount(text: string, currency: string, locale: string = getLocale()): number {
  const mark = decimalMark(locale);
  const typed = text.trim();
  if (mark !== '.' && typed.includes('.')) throw new RangeError(`Not a decimal amount: "${text}"`);
  return parseMajorUnits(typed.replace(mark, '.'), currency);
}

/** Minor units as an amount field shows them for editing: "12.50", or "12,50" in German. */
export const amountText = (amount: number, currency: string, locale: string = getLocale()) =>
  toMajorUnitString(amount, currency).replace('.', decimalMark(locale));
