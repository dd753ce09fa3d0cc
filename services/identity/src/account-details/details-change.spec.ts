import { describe, expect, it } from 'vitest';
import {
  detailKind,
  keysToReverify,
  needsStepUp,
  pendingKeys,
  verificationAfterChange,
  withProviderAnswers,
} from './details-change.rules.js';

const usPerson = {
  'individual.first_name': 'Jenny',
  'individual.dob': '1990-04-12',
  'individual.id_number': 'sealed:v2:k:abc',
  'individual.address.line1': '510 Townsend St',
  'individual.address.city': 'San Francisco',
};

describe('what a change to submitted details is', () => {
  it('sorts each answer into who someone is, where, the business type, or the rest', () => {
    expect(detailKind('individual.last_name')).toBe('person_identity');
    expect(detailKind('representative.first_name_kanji')).toBe('person_identity');
    expect(detailKind('owners.12.dob')).toBe('person_identity');
    expect(detailKind('individual.id_number')).toBe('person_identity');
    expect(detailKind('representative.address.postal_code')).toBe('person_address');
    expect(detailKind('company.tax_id')).toBe('company_identity');
    expect(detailKind('company.name')).toBe('company_identity');
    expect(detailKind('company.address.city')).toBe('company_address');
    expect(detailKind('business_type')).toBe('business_type');
    for (const key of [
      'business_profile.url',
      'representative.title',
      'individual.email',
      'individual.phone',
      'company.phone',
      'owners.0.percent_ownership',
      'company.owners_provided',
      'owners.123.dob',
    ])
      expect(detailKind(key)).toBe('other');
  });

  it('asks for the code for identity, addresses, tax ids and the business type only', () => {
    expect(needsStepUp('individual.first_name')).toBe(true);
    expect(needsStepUp('individual.address.line2')).toBe(true);
    expect(needsStepUp('company.tax_id')).toBe(true);
    expect(needsStepUp('company.address.line1')).toBe(true);
    expect(needsStepUp('business_type')).toBe(true);
    expect(needsStepUp('business_profile.url')).toBe(false);
    expect(needsStepUp('business_profile.product_description')).toBe(false);
    expect(needsStepUp('representative.title')).toBe(false);
  });
});

describe('re-verification', () => {
  it('checks the identity again after a new legal name, birth date or id number', () => {
    expect(keysToReverify(['individual.last_name'], usPerson)).toEqual([
      'individual.dob',
      'individual.id_number',
    ]);
    expect(keysToReverify(['individual.dob'], usPerson)).toEqual([
      'individual.dob',
      'individual.id_number',
    ]);
    expect(keysToReverify(['individual.id_number'], usPerson)).toEqual(['individual.id_number']);
  });

  it('checks the address again after any part of it changes', () => {
    expect(keysToReverify(['individual.address.city'], usPerson)).toEqual([
      'individual.address.line1',
    ]);
  });

  it('checks only what the provider verifies and the account answered', () => {
    // No id number in Germany: the birth date alone carries the identity.
    expect(
      keysToReverify(['representative.first_name'], {
        'representative.first_name': 'Ada',
        'representative.dob': '1980-01-01',
      }),
    ).toEqual(['representative.dob']);
    expect(keysToReverify(['business_profile.url', 'representative.title'], usPerson)).toEqual([]);
    expect(keysToReverify(['company.address.line1'], { 'company.tax_id': 'x' })).toEqual([]);
  });

  it('checks a company’s tax id again after its name or tax id changes', () => {
    const company = { 'company.name': 'Rocket Rides', 'company.tax_id': 'sealed:x' };
    expect(keysToReverify(['company.name'], company)).toEqual(['company.tax_id']);
    expect(keysToReverify(['company.tax_id'], company)).toEqual(['company.tax_id']);
  });

  it('keeps each owner’s identity apart', () => {
    const owners = { 'owners.0.dob': '1970-01-01', 'owners.1.dob': '1971-01-01' };
    expect(keysToReverify(['owners.1.last_name'], owners)).toEqual(['owners.1.dob']);
  });

  it('drops the verdicts of changed answers and marks what is checked again as pending', () => {
    const before = {
      'individual.id_number': { status: 'failed' as const, code: 'verification_failed_other' },
      'individual.dob': { status: 'verified' as const },
      'individual.address.line1': { status: 'verified' as const },
      'individual.verification.document': { status: 'verified' as const },
    };
    expect(
      verificationAfterChange(
        before,
        ['individual.first_name', 'individual.id_number'],
        ['individual.dob', 'individual.id_number'],
      ),
    ).toEqual({
      'individual.id_number': { status: 'pending' },
      'individual.dob': { status: 'pending' },
      'individual.address.line1': { status: 'verified' },
      'individual.verification.document': { status: 'verified' },
    });
  });

  it('takes the provider’s answers and leaves pending what it did not decide', () => {
    const current = {
      'individual.dob': { status: 'pending' as const },
      'individual.id_number': { status: 'pending' as const },
    };
    const after = withProviderAnswers(current, ['individual.dob', 'individual.id_number'], {
      'individual.dob': { status: 'failed', code: 'verification_failed_keyed_identity' },
    });
    expect(after).toEqual({
      'individual.dob': { status: 'failed', code: 'verification_failed_keyed_identity' },
      'individual.id_number': { status: 'pending' },
    });
    expect(pendingKeys(after)).toEqual(['individual.id_number']);
  });
});
