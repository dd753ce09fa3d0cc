import { describe, expect, it } from 'vitest';
import { Account } from '../account/account.entity.js';
import {
  answersOf,
  computeRequirements,
  ownerIndexes,
  requirementsOf,
  summarize,
} from './requirements.rules.js';
import type { InterventionEffect } from '../risk-intervention/risk-intervention.rules.js';

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

describe('requirements under risk interventions', () => {
  const onboarded = {
    country: 'US',
    businessType: 'individual',
    values: {},
    externalAccount: true,
    tosAcceptedAt: new Date('2026-01-01T00:00:00Z'),
    verification: {},
    dueSince: null,
  };
  const NOW = new Date('2026-01-10T00:00:00Z');
  const intervention = (
    kind: InterventionEffect['kind'],
    more: Partial<InterventionEffect> = {},
  ) => ({
    id: 'intv_1',
    kind,
    requirement: null,
    document: null,
    reservePercent: null,
    reserveDays: null,
    ...more,
  });
  const with_ = (...interventions: InterventionEffect[]) =>
    computeRequirements({ ...onboarded, interventions }, NOW);
  // This individual has answered nothing: keep only what the interventions change.
  const base = computeRequirements(onboarded, NOW);
  const added = (state: ReturnType<typeof computeRequirements>) =>
    state.currentlyDue.filter((key) => !base.currentlyDue.includes(key));

  it('stops payouts under review for pause_payouts, and charges too for disable_charges', () => {
    const plain = computeRequirements({ ...onboarded, values: {}, businessType: null }, NOW);
    expect(plain).toMatchObject({ chargesEnabled: true, disabledReason: null });
    const paused = computeRequirements(
      { ...onboarded, businessType: null, interventions: [intervention('pause_payouts')] },
      NOW,
    );
    expect(paused).toMatchObject({
      chargesEnabled: true,
      payoutsEnabled: false,
      disabledReason: 'under_review',
    });
    expect(
      computeRequirements(
        { ...onboarded, businessType: null, interventions: [intervention('disable_charges')] },
        NOW,
      ),
    ).toMatchObject({
      chargesEnabled: false,
      payoutsEnabled: false,
      disabledReason: 'under_review',
    });
  });

  it('asks for its information as a requirement of its own', () => {
    const state = with_(
      intervention('require_information', { requirement: 'risk_intervention.intv_1' }),
    );
    expect(added(state)).toEqual(['risk_intervention.intv_1']);
    expect(state.eventuallyDue).toContain('risk_intervention.intv_1');
    expect(state).toMatchObject({ chargesEnabled: true, payoutsEnabled: false });
  });

  it('asks for a document anew even after one was verified, pending while the new one is reviewed', () => {
    const document = 'individual.verification.document';
    const verified = { [document]: { status: 'verified' as const } };
    expect(
      computeRequirements({ ...onboarded, verification: verified }, NOW).currentlyDue,
    ).not.toContain(document);
    const asked = computeRequirements(
      {
        ...onboarded,
        verification: verified,
        interventions: [intervention('require_document', { requirement: document })],
      },
      NOW,
    );
    expect(added(asked)).toEqual([document]);
    const reviewing = computeRequirements(
      {
        ...onboarded,
        verification: { [document]: { status: 'pending' as const } },
        interventions: [
          intervention('require_document', { requirement: document, document: 'pending' }),
        ],
      },
      NOW,
    );
    expect(added(reviewing)).toEqual([]);
    expect(reviewing.pendingVerification).toContain(document);
  });

  it('changes nothing for a rolling reserve', () => {
    expect(with_(intervention('rolling_reserve', { reservePercent: 10, reserveDays: 30 }))).toEqual(
      base,
    );
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
