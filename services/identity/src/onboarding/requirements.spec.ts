import { describe, expect, it } from 'vitest';
import { Account } from '../account/account.entity.js';
import {
  answersOf,
  computeRequirements,
  ownerIndexes,
  requirementsOf,
  summarize,
} from './requirements.rules.js';

describe('requirements', () => {
  const submitted = {
    country: 'US',
    businessType: 'individual',
    values: { business_type: 'individual' },
    externalAccount: true,
    tosAcceptedAt: new Date('2026-01-01T00:00:00Z'),
    verification: {},
    dueSince: new Date('2026-01-01T00:00:00Z'),
  };

  it('after onboarding, give what is newly due a grace period, then disable charges', () => {
    const early = computeRequirements(submitted, new Date('2026-01-10T00:00:00Z'));
    expect(early).toMatchObject({
      chargesEnabled: true,
      payoutsEnabled: false,
      pastDue: [],
      disabledReason: null,
    });
    expect(early.currentDeadline?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    const late = computeRequirements(submitted, new Date('2026-01-16T00:00:00Z'));
    expect(late).toMatchObject({ chargesEnabled: false, disabledReason: 'requirements.past_due' });
    expect(late.pastDue).toEqual(late.currentlyDue);
  });

  it('before onboarding, hold everything due as past due with nothing enabled', () => {
    const fresh = computeRequirements(
      { ...submitted, tosAcceptedAt: null, dueSince: null },
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(fresh).toMatchObject({ chargesEnabled: false, detailsSubmitted: false });
    expect(fresh.pastDue).toEqual(fresh.currentlyDue);
    expect(fresh.currentlyDue).toContain('tos_acceptance.date');
  });
});

describe('the facts requirements are computed from', () => {
  const account = Object.assign(new Account(), {
    country: 'US',
    businessType: 'individual',
    businessProfile: { name: 'Jo Rides', url: null, supportEmail: 'help@jo.example' },
    onboardingDetails: { 'individual.first_name': 'Jo', 'individual.last_name': '' },
    externalAccountProvided: false,
    tosAcceptance: null,
    verification: null,
    requirementsDueSince: null,
  });

  it('gathers the answers wherever they are kept, leaving out empty ones', () => {
    expect(answersOf(account)).toEqual({
      business_type: 'individual',
      'business_profile.name': 'Jo Rides',
      'business_profile.support_email': 'help@jo.example',
      'individual.first_name': 'Jo',
    });
  });

  it('numbers the owners named so far', () => {
    expect(ownerIndexes({ 'owners.2.dob': 'x', 'owners.0.first_name': 'y', other: 'z' })).toEqual([
      0, 2,
    ]);
  });

  it('says what became newly due against the state before', () => {
    const before = requirementsOf(account, new Date('2026-01-01T00:00:00Z'));
    const after = requirementsOf(
      Object.assign(new Account(), account, { businessType: 'company' }),
      new Date('2026-01-01T00:00:00Z'),
    );
    const summary = summarize(after, before);
    expect(summary.newlyDue).toContain('company.name');
    expect(summary.newlyDue).not.toContain('external_account');
    expect(summarize(after).newlyDue).toEqual([]);
  });
});
