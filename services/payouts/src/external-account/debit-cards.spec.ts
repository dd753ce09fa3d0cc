import { describe, expect, it } from 'vitest';
import { validateDebitCard } from './debit-cards.rules.js';

/** A DashError carrying (at least) these extensions. */
const refusal = (extensions: object) =>
  expect.objectContaining({ extensions: expect.objectContaining(extensions) });

describe('debit cards', () => {
  const card = { expMonth: 12, expYear: 2030, currency: 'usd', country: 'US' };
  const now = new Date('2026-11-25T00:00:00Z');

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
    expect(() => validateDebitCard({ ...card, number: '4000056655665557' }, now)).toThrow(
      refusal({ field: 'number', reason: 'INVALID_CARD' }),
    );
    expect(() => validateDebitCard({ ...card, number: '378282246310005' }, now)).toThrow(
      refusal({ reason: 'CARD_NOT_SUPPORTED' }),
    );
    expect(() =>
      validateDebitCard({ ...card, number: '4000056655665556', expMonth: 10, expYear: 2026 }, now),
    ).toThrow(refusal({ reason: 'CARD_EXPIRED' }));
    // Good through the last day of its month.
    expect(
      validateDebitCard({ ...card, number: '4000056655665556', expMonth: 11, expYear: 2026 }, now)
        .last4,
    ).toBe('5556');
  });
});
