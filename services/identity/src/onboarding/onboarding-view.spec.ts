import { describe, expect, it } from 'vitest';
import { Account } from '../account/account.entity.js';
import { Platform } from '../platform/platform.entity.js';
import { AccountLinkTypeEnum } from './onboarding.type.js';
import { onboardingView } from './onboarding-view.rules.js';

const account = Object.assign(new Account(), {
  id: 'acct_jo',
  country: 'US',
  livemode: false,
  businessType: 'individual',
  businessProfile: null,
  onboardingDetails: { 'individual.id_number': 'sealed:x', 'individual.first_name': 'Jo' },
  externalAccountProvided: true,
  tosAcceptance: null,
  verification: { 'individual.id_number': { status: 'failed', reason: 'No match.', code: 'c' } },
  requirementsDueSince: null,
});
const platform = Object.assign(new Platform(), {
  name: 'Rocket Rides',
  brandColor: '#5b4cf0',
  iconUrl: null,
  supportEmail: 'help@rocketrides.example',
  supportPhone: null,
  supportUrl: null,
});

describe('the onboarding view', () => {
  const view = onboardingView(
    account,
    platform,
    { type: AccountLinkTypeEnum.account_onboarding, returnUrl: 'https://platform.test/back' },
    (key, stored) => (stored.startsWith('sealed:') ? '•••••1234' : stored),
    new Date('2026-01-01T00:00:00Z'),
  );
  const field = (key: string) =>
    view.steps.flatMap((step) => step.fields).find((candidate) => candidate.key === key);

  it('frames the flow in the platform’s brand and the account’s steps', () => {
    expect(view.platform).toEqual({
      name: 'Rocket Rides',
      brandColor: '#5b4cf0',
      iconUrl: null,
      supportEmail: 'help@rocketrides.example',
      supportPhone: null,
      supportUrl: null,
    });
    expect(view.steps.map((step) => step.key)).toEqual([
      'business_type',
      'business',
      'representative',
      'bank',
      'review',
    ]);
    expect(view.steps.find((step) => step.key === 'bank')?.complete).toBe(true);
    expect(view.steps.find((step) => step.key === 'review')?.complete).toBe(false);
  });

  it('shows saved answers as given (ids masked) and verification’s objections', () => {
    expect(field('individual.first_name')?.value).toBe('Jo');
    expect(field('individual.id_number')).toMatchObject({
      value: '•••••1234',
      error: 'No match.',
      errorCode: 'c',
    });
    expect(field('individual.last_name')).toMatchObject({ value: null, required: true });
  });
});
