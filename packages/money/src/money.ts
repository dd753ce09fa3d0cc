import { currencyExponent, normalizeCurrency } from './currency.js';

/**
 * The most one charge may be, and so one top-up of the reserve too: Stripe's ceiling of
 * 99,999,999 minor units ($999,999.99).
 */
export const MAX_CHARGE_AMOUNT = 99_999_999;

/** An amount in the currency's minor unit (cents, yen, fils), always an integer. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function assertMinorUnits(amount: number): number {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Money must be an integer count of minor units, got ${amount}`);
  }
  return amount;
}

export function money(amount: number, currency: string): Money {
  return { amount: assertMinorUnits(amount), currency: normalizeCurrency(currency) };
}

/** Adds amounts of one currency; mixing currencies is a programming error, not a conversion. */
export function sumMoney(currency: string, amounts: readonly Money[]): Money {
  const code = normalizeCurrency(currency);
  let total = 0;
  for (const item of amounts) {
    if (item.currency !== code) {
      throw new RangeError(`Cannot add ${item.currency} to ${code}`);
    }
    total = assertMinorUnits(total + item.amount);
  }
  return { amount: total, currency: code };
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string in major units ("12.34") into minor units (1234) without floating
 * point. More fraction digits than the currency has is an error rather than a silent rounding.
 */
export function parseMajorUnits(value: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal amount: "${value}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new RangeError(
      `${normalizeCurrency(currency)} has ${exponent} decimal places, got "${value}"`,
    );
  }
  const digits = whole + fraction.padEnd(exponent, '0');
  const amount = Number(digits) * (sign ? -1 : 1);
  return assertMinorUnits(amount === 0 ? 0 : amount);
}

/** The major-unit value as a plain decimal string ("12.34"), exact for any safe integer. */
export function toMajorUnitString(amount: number, currency: string): string {
  assertMinorUnits(amount);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = amount < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}
