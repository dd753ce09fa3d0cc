import { currencyExponent, normalizeCurrency } from './currency.js';
import { assertMinorUnits, toMajorUnitString } from './money.js';

export interface FormatMoneyOptions {
  /** Show "+" on positive amounts, for movements in a list. */
  signed?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      // Our exponent table wins over the locale's idea of the currency's digits.
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats minor units for people: formatMoney(123456, 'usd', 'en') → "$1,234.56". */
export function formatMoney(
  amount: number,
  currency: string,
  locale: string,
  options: FormatMoneyOptions = {},
): string {
  assertMinorUnits(amount);
  const code = normalizeCurrency(currency);
  // Intl accepts a decimal string exactly, so no float ever stands between the integer and the text.
  const major = toMajorUnitString(amount, code) as unknown as number;
  return formatterFor(locale, code, options.signed ?? false).format(major);
}
