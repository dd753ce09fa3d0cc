import { describe, expect, it } from 'vitest';
import { Account } from './account.entity.js';
import {
  accountRefOfRow,
  changedFields,
  defaultCurrencyFor,
  openForChanges,
  ownedAccountOf,
  toProfile,
} from './account.rules.js';

const account = (changes: Partial<Account> = {}) =>
  Object.assign(new Account(), {
    id: 'acct_jo',
    platformId: 'plat_a',
    livemode: true,
    country: 'US',
    email: 'jo@example.com',
    phone: null,
    businessType: null,
    businessProfile: { name: 'Jo', url: null },
    onboardingDetails: null,
    externalAccountProvided: false,
    tosAcceptance: null,
    verification: null,
    requirementsDueSince: null,
    closedAt: null,
    ...changes,
  });

describe('account rules', () => {
  it('refuses changes to a closed account, with the reason the screens explain', () => {
    expect(openForChanges(account())).toMatchObject({ id: 'acct_jo' });
    expect(() => openForChanges(account({ closedAt: new Date() }))).toThrow(
      expect.objectContaining({
        message: 'This account is closed.',
        extensions: expect.objectContaining({ reason: 'ACCOUNT_CLOSED' }),
      }),
    );
  });

  it('tells other services whose the account is and that money waits for onboarding', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    expect(ownedAccountOf(account(), now)).toEqual({
      accountId: 'acct_jo',
      platformId: 'plat_a',
      livemode: true,
      closed: false,
      chargesEnabled: false,
      payoutsEnabled: false,
      chargesUntil: null,
      asOf: now.toISOString(),
    });
    expect(ownedAccountOf(account({ closedAt: now }), now).closed).toBe(true);
    expect(accountRefOfRow(account())).toEqual({
      accountId: 'acct_jo',
      platformId: 'plat_a',
      livemode: true,
    });
  });

  it('names only the fields whose values change, business profile parts one by one', () => {
    expect(
      changedFields(account(), {
        email: 'jo@example.com',
        phone: '+15555550100',
        businessProfile: { name: 'Jo', url: 'https://jo.example' } as Account['businessProfile'],
      }),
    ).toEqual(['phone', 'businessProfile.url']);
  });

  it('keeps only the profile fields given, so an update merges', () => {
    expect(toProfile({ name: 'Jo Rides', url: undefined })).toEqual({ name: 'Jo Rides' });
  });

  it('knows the currency of a country that has one, in any case', () => {
    expect(defaultCurrencyFor('us')).toBe('usd');
    expect(defaultCurrencyFor('FR')).toBe('eur');
    expect(defaultCurrencyFor('ZZ')).toBeUndefined();
  });
});
