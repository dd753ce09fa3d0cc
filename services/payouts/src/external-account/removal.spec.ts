import { describe, expect, it } from 'vitest';
import { DashError } from '@dash/errors';
import { balanceRefusal, removalCheck, type Destination } from './removal.rules.js';

const usdDefault: Destination = { id: 'ba_1', currency: 'usd', defaultFor: 'usd' };
const usdCard: Destination = { id: 'card_1', currency: 'usd', defaultFor: null };
const eurDefault: Destination = { id: 'ba_2', currency: 'eur', defaultFor: 'eur' };
const reasonOf = (result: unknown) =>
  result instanceof DashError ? result.extensions.reason : result;

describe('removing a payout method', () => {
  it('lets any method that is not a default go', () => {
    expect(removalCheck([usdDefault, usdCard], usdCard)).toBe('allowed');
  });

  it('keeps a default while others of its currency remain', () => {
    expect(reasonOf(removalCheck([usdDefault, usdCard, eurDefault], usdDefault))).toBe(
      'DEFAULT_EXTERNAL_ACCOUNT',
    );
  });

  it("keeps the account's only method", () => {
    expect(reasonOf(removalCheck([usdDefault], usdDefault))).toBe('LAST_EXTERNAL_ACCOUNT');
  });

  it("asks for the currency's balance before the last one of a currency goes", () => {
    expect(removalCheck([usdDefault, eurDefault], usdDefault)).toBe('needs_balance');
  });

  it('keeps the last one of a currency with money in it, any money', () => {
    const none = { available: 0, pending: 0, reserve: 0 };
    expect(balanceRefusal('usd', none)).toBeNull();
    for (const balance of [
      { ...none, available: 1 },
      { ...none, pending: 250 },
      { ...none, reserve: 100 },
      { ...none, available: -500 },
    ])
      expect(balanceRefusal('usd', balance)?.extensions).toMatchObject({
        code: 'FAILED_PRECONDITION',
        reason: 'CURRENCY_HAS_BALANCE',
        currency: 'usd',
      });
  });
});
