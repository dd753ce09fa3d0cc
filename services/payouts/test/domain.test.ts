import { describe, expect, it } from 'vitest';
import { expectedArrival, isBankHoliday } from '../src/domain/arrival.js';
import { isAbaRoutingNumber, validateBankAccount } from '../src/domain/bank-details.js';
import { validateDebitCard } from '../src/domain/debit-cards.js';
import { instantPayoutFee } from '../src/domain/instant-fee.js';
import {
  duePeriod,
  nextPayoutDay,
  payoutCutoff,
  type PayoutScheduleRule,
} from '../src/domain/schedule.js';

const rule = (change: Partial<PayoutScheduleRule>): PayoutScheduleRule => ({
  interval: 'daily',
  delayDays: 2,
  weeklyAnchor: null,
  monthlyAnchor: null,
  timeZone: 'UTC',
  ...change,
});
const at = (iso: string) => new Date(iso);
const extensionsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('expected a refusal');
};

describe('payout schedules', () => {
  it('daily: one period per local day', () => {
    expect(duePeriod(rule({}), at('2026-11-25T10:00:00Z'))).toBe('daily:2026-11-25');
    expect(duePeriod(rule({}), at('2026-11-25T23:59:59Z'))).toBe('daily:2026-11-25');
    expect(duePeriod(rule({}), at('2026-11-26T00:00:00Z'))).toBe('daily:2026-11-26');
  });

  it('weekly: only on the anchor day', () => {
    const fridays = rule({ interval: 'weekly', weeklyAnchor: 'friday' });
    expect(duePeriod(fridays, at('2026-11-27T09:00:00Z'))).toBe('weekly:2026-11-27');
    expect(duePeriod(fridays, at('2026-11-26T09:00:00Z'))).toBeNull();
    expect(nextPayoutDay(fridays, at('2026-11-24T09:00:00Z'))).toBe('2026-11-27');
  });

  it('monthly: the anchor day, clamped to the end of shorter months', () => {
    const on31st = rule({ interval: 'monthly', monthlyAnchor: 31 });
    expect(duePeriod(on31st, at('2027-02-28T12:00:00Z'))).toBe('monthly:2027-02');
    expect(duePeriod(on31st, at('2028-02-28T12:00:00Z'))).toBeNull(); // a leap year
    expect(duePeriod(on31st, at('2028-02-29T12:00:00Z'))).toBe('monthly:2028-02');
    expect(duePeriod(on31st, at('2026-04-30T12:00:00Z'))).toBe('monthly:2026-04');
    expect(duePeriod(on31st, at('2026-05-30T12:00:00Z'))).toBeNull();
    expect(nextPayoutDay(on31st, at('2026-11-25T12:00:00Z'))).toBe('2026-11-30');
  });

  it("counts days in the schedule's time zone", () => {
    // 23:30 UTC on Thursday is already Friday morning in Tokyo, still Thursday in Los Angeles.
    const moment = at('2026-11-26T23:30:00Z');
    const fridays = (timeZone: string) =>
      rule({ interval: 'weekly', weeklyAnchor: 'friday', timeZone });
    expect(duePeriod(fridays('Asia/Tokyo'), moment)).toBe('weekly:2026-11-27');
    expect(duePeriod(fridays('America/Los_Angeles'), moment)).toBeNull();
    expect(duePeriod(rule({ timeZone: 'Asia/Tokyo' }), moment)).toBe('daily:2026-11-27');
  });

  it('holds payments back by the rolling delay, from the start of the local day', () => {
    const moment = at('2026-11-26T23:30:00Z');
    expect(payoutCutoff(rule({ delayDays: 2 }), moment).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    // Already Friday in Tokyo: two days before Friday 00:00 there (15:00 UTC the day before).
    expect(payoutCutoff(rule({ delayDays: 2, timeZone: 'Asia/Tokyo' }), moment).toISOString()).toBe(
      '2026-11-24T15:00:00.000Z',
    );
    expect(payoutCutoff(rule({ delayDays: 7 }), at('2026-11-26T01:00:00Z'))).toEqual(
      payoutCutoff(rule({ delayDays: 7 }), at('2026-11-26T22:00:00Z')),
    );
  });

  it('manual: never automatic', () => {
    expect(duePeriod(rule({ interval: 'manual' }), at('2026-11-25T10:00:00Z'))).toBeNull();
    expect(nextPayoutDay(rule({ interval: 'manual' }), at('2026-11-25T10:00:00Z'))).toBeNull();
  });
});

describe('bank account checks', () => {
  it('takes a valid US account and keeps only what may be shown', () => {
    const valid = validateBankAccount({
      country: 'us',
      currency: 'USD',
      accountHolderName: ' Jenny Rosen ',
      routingNumber: '110000000',
      accountNumber: '000123456789',
    });
    expect(valid).toMatchObject({
      country: 'US',
      currency: 'usd',
      holderName: 'Jenny Rosen',
      routingNumber: '110000000',
      last4: '6789',
    });
  });

  it('checks the ABA checksum of US routing numbers', () => {
    expect(isAbaRoutingNumber('110000000')).toBe(true);
    expect(isAbaRoutingNumber('021000021')).toBe(true);
    expect(isAbaRoutingNumber('021000022')).toBe(false);
    expect(
      extensionsOf(() =>
        validateBankAccount({
          country: 'US',
          currency: 'usd',
          accountHolderName: 'Jenny Rosen',
          routingNumber: '110000001',
          accountNumber: '000123456789',
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'routingNumber' });
  });

  it('checks IBANs: checksum, and the country they belong to', () => {
    const german = { country: 'DE', currency: 'eur', accountHolderName: 'Jonas Weber' };
    expect(
      validateBankAccount({ ...german, accountNumber: 'DE89 3704 0044 0532 0130 00' }),
    ).toMatchObject({
      last4: '3000',
      routingNumber: '37040044',
    });
    expect(
      extensionsOf(() =>
        validateBankAccount({ ...german, accountNumber: 'DE89370400440532013001' }),
      ),
    ).toMatchObject({ field: 'accountNumber' });
    expect(
      extensionsOf(() =>
        validateBankAccount({ ...german, accountNumber: 'FR1420041010050500013M02606' }),
      ),
    ).toMatchObject({ field: 'accountNumber' });
  });

  it('takes a UK sort code or an IBAN', () => {
    const uk = { country: 'GB', currency: 'gbp', accountHolderName: 'Amy Jones' };
    expect(
      validateBankAccount({ ...uk, routingNumber: '10-88-00', accountNumber: '00012345' }).last4,
    ).toBe('2345');
    expect(validateBankAccount({ ...uk, accountNumber: 'GB82WEST12345698765432' }).last4).toBe(
      '5432',
    );
  });

  it('refuses a currency the country is not paid in, and countries not supported', () => {
    expect(
      extensionsOf(() =>
        validateBankAccount({
          country: 'US',
          currency: 'eur',
          accountHolderName: 'Jenny Rosen',
          routingNumber: '110000000',
          accountNumber: '000123456789',
        }),
      ),
    ).toMatchObject({ field: 'currency' });
    expect(
      extensionsOf(() =>
        validateBankAccount({
          country: 'ZZ',
          currency: 'usd',
          accountHolderName: 'X Y',
          accountNumber: '1234',
        }),
      ),
    ).toMatchObject({ field: 'country', reason: 'COUNTRY_NOT_SUPPORTED' });
  });
});

describe('debit cards', () => {
  const card = { expMonth: 12, expYear: 2030, currency: 'usd', country: 'US' };
  const now = at('2026-11-25T00:00:00Z');

  it('takes Visa and Mastercard debit cards that pass the Luhn check', () => {
    expect(validateDebitCard({ ...card, number: '4000 0566 5566 5556' }, now)).toMatchObject({
      brand: 'visa',
      last4: '5556',
    });
    expect(validateDebitCard({ ...card, number: '5200828282828210' }, now).brand).toBe(
      'mastercard',
    );
  });

  it('refuses a wrong check digit, other networks, and expired cards', () => {
    expect(
      extensionsOf(() => validateDebitCard({ ...card, number: '4000056655665557' }, now)),
    ).toMatchObject({
      field: 'number',
      reason: 'INVALID_CARD',
    });
    expect(
      extensionsOf(() => validateDebitCard({ ...card, number: '378282246310005' }, now)),
    ).toMatchObject({
      reason: 'CARD_NOT_SUPPORTED',
    });
    expect(
      extensionsOf(() =>
        validateDebitCard(
          { ...card, number: '4000056655665556', expMonth: 10, expYear: 2026 },
          now,
        ),
      ),
    ).toMatchObject({ reason: 'CARD_EXPIRED' });
    // Good through the last day of its month.
    expect(
      validateDebitCard({ ...card, number: '4000056655665556', expMonth: 11, expYear: 2026 }, now)
        .last4,
    ).toBe('5556');
  });
});

describe('arrival dates', () => {
  const standard = { method: 'standard' as const, country: 'US', timeZone: 'UTC', businessDays: 2 };

  it('counts business days, skipping weekends', () => {
    // Thursday + 2 business days = Monday.
    expect(expectedArrival(at('2026-12-03T15:00:00Z'), standard).toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
  });

  it("skips the country's bank holidays", () => {
    expect(isBankHoliday('US', '2026-11-26')).toBe(true); // Thanksgiving
    expect(isBankHoliday('GB', '2026-11-26')).toBe(false);
    // Tuesday + 2 business days skips Thanksgiving (US) but not in Great Britain.
    expect(expectedArrival(at('2026-11-24T15:00:00Z'), standard).toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
    expect(
      expectedArrival(at('2026-11-24T15:00:00Z'), { ...standard, country: 'GB' }).toISOString(),
    ).toBe('2026-11-26T00:00:00.000Z');
  });

  it('instant payouts arrive now', () => {
    const moment = at('2026-11-28T15:00:00Z');
    expect(expectedArrival(moment, { ...standard, method: 'instant' })).toEqual(moment);
  });
});

describe('instant payout fee', () => {
  it('is a percentage rounded up, never below the minimum', () => {
    const rule = { percentBps: 100, minimum: 50 };
    expect(instantPayoutFee(1_000, rule)).toBe(50);
    expect(instantPayoutFee(10_001, rule)).toBe(101);
    expect(instantPayoutFee(250_000, rule)).toBe(2_500);
  });
});
