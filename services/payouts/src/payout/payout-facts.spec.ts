import { describe, expect, it } from 'vitest';
import { PayoutMethod } from './payout.entity.js';
import { destinationLabel, factsOf } from './payout-facts.rules.js';

describe('payout facts', () => {
  it('names a card by its brand and a bank account by its bank', () => {
    expect(destinationLabel({ brand: 'visa', bankName: null, last4: '4242' })).toBe(
      'Visa •••• 4242',
    );
    expect(destinationLabel({ brand: null, bankName: 'Simulated Bank', last4: '6789' })).toBe(
      'Simulated Bank •••• 6789',
    );
    expect(destinationLabel({ brand: null, bankName: null, last4: '6789' })).toBe(
      'Bank account •••• 6789',
    );
  });

  it('carries what an event about the payout says', () => {
    const arrivalDate = new Date('2026-12-07T00:00:00Z');
    expect(
      factsOf({
        id: 'po_1',
        amount: 1_000,
        currency: 'usd',
        method: PayoutMethod.standard,
        arrivalDate,
        destination: null,
      }),
    ).toEqual({
      payoutId: 'po_1',
      amount: 1_000,
      currency: 'usd',
      method: 'standard',
      arrivalDate: '2026-12-07T00:00:00.000Z',
      destination: 'Bank account',
    });
  });
});
