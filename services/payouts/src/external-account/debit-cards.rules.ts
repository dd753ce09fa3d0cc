import validator from 'validator';
import { DashError } from '@dash/errors';

export interface DebitCardInput {
  number: string;
  expMonth: number;
  expYear: number;
  currency: string;
  country: string;
}

export interface ValidDebitCard {
  brand: 'visa' | 'mastercard';
  last4: string;
  expMonth: number;
  expYear: number;
  currency: string;
  country: string;
  normalized: { number: string };
}

const invalid = (field: string, message: string, reason = 'INVALID_CARD') =>
  new DashError('BAD_USER_INPUT', message, { field, reason });

/** Instant payouts go to Visa and Mastercard debit cards; other networks do not take them. */
function brandOf(number: string): ValidDebitCard['brand'] | null {
  if (/^4/.test(number)) return 'visa';
  const six = Number(number.slice(0, 6));
  if (/^5[1-5]/.test(number) || (six >= 222100 && six <= 272099)) return 'mastercard';
  return null;
}

/** A debit card for instant payouts: its number's Luhn check digit, network and expiry. */
export function validateDebitCard(input: DebitCardInput, now = new Date()): ValidDebitCard {
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(number) || !validator.isLuhnNumber(number))
    throw invalid('number', 'That card number is not valid: check the digits.');
  const brand = brandOf(number);
  if (!brand)
    throw invalid(
      'number',
      'Instant payouts go to Visa or Mastercard debit cards.',
      'CARD_NOT_SUPPORTED',
    );
  if (!Number.isInteger(input.expMonth) || input.expMonth < 1 || input.expMonth > 12)
    throw invalid('expMonth', 'Enter the expiry month, 1 to 12.');
  // A card is good through the last day of its expiry month.
  const expires = Date.UTC(input.expYear, input.expMonth, 1);
  if (!Number.isInteger(input.expYear) || expires <= now.getTime())
    throw invalid('expYear', 'This card has expired.', 'CARD_EXPIRED');
  return {
    brand,
    last4: number.slice(-4),
    expMonth: input.expMonth,
    expYear: input.expYear,
    currency: input.currency.trim().toLowerCase(),
    country: input.country.trim().toUpperCase(),
    normalized: { number },
  };
}
