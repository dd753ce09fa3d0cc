import { describe, expect, it } from 'vitest';
import { hrefOf } from './subject.rules.js';

describe('hrefOf (the hub’s links and the emails’ buttons)', () => {
  it('leads to what an item is about', () => {
    expect(hrefOf('payout', 'po_1')).toBe('/payouts/po_1');
    expect(hrefOf('payouts')).toBe('/payouts');
    expect(hrefOf('payout_methods')).toBe('/payouts/methods');
    expect(hrefOf('dispute', 'dp_1')).toBe('/disputes/dp_1');
    expect(hrefOf('payment', 'ch_1')).toBe('/payments/ch_1');
    expect(hrefOf('settings')).toBe('/settings');
    expect(hrefOf('onboarding')).toBe('/onboarding');
    expect(hrefOf('home')).toBe('/');
  });

  it('leads nowhere for an item about nothing in particular', () => {
    expect(hrefOf(null, null)).toBeNull();
  });

  it('keeps an id inside its path segment', () => {
    expect(hrefOf('payout', 'po/1?x')).toBe('/payouts/po%2F1%3Fx');
  });
});
