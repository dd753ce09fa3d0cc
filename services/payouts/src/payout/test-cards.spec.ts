import { describe, expect, it } from 'vitest';
import { testCardFunding } from './test-cards.rules.js';

describe('test cards', () => {
  it("knows Stripe's test debit cards from its credit and prepaid ones", () => {
    expect(testCardFunding('4000056655665556')).toBe('debit');
    expect(testCardFunding('5200828282828210')).toBe('debit');
    expect(testCardFunding('4242424242424242')).toBe('credit');
    expect(testCardFunding('5555555555554444')).toBe('credit');
    expect(testCardFunding('5105105105105100')).toBe('prepaid');
  });

  it('vouches for no other number', () => {
    expect(testCardFunding('4111111111111111')).toBe('unknown');
  });
});
