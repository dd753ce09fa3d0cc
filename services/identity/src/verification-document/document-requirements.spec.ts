import { describe, expect, it } from 'vitest';
import { computeRequirements } from '../onboarding/requirements.rules.js';
import type { VerificationResult } from '../onboarding/verification.rules.js';
import {
  answeredByDocument,
  documentRequirements,
  documentTypesFor,
  hasBack,
} from './document-requirements.rules.js';

const KEYED_FAILURE: VerificationResult = {
  status: 'failed',
  code: 'verification_failed_keyed_identity',
  reason: 'The person could not be verified with this date of birth.',
};

const facts = (
  verification: Record<string, VerificationResult>,
  more: { country?: string; businessType?: string } = {},
) => ({
  country: more.country ?? 'US',
  businessType: more.businessType ?? 'individual',
  values: {
    business_type: more.businessType ?? 'individual',
    'individual.dob': '1900-01-01',
    'company.tax_id': 'sealed:x',
  },
  verification,
  externalAccount: true,
  tosAcceptedAt: new Date('2026-01-01T00:00:00Z'),
  dueSince: new Date('2026-01-01T00:00:00Z'),
});

const NOW = new Date('2026-01-02T00:00:00Z');

/** These facts give only a birth date: what else is due is beside the point here. */
const checked = (state: ReturnType<typeof computeRequirements>) => ({
  currentlyDue: state.currentlyDue.filter((key) => /verification|dob|tax_id/.test(key)),
  pendingVerification: state.pendingVerification,
  errors: state.errors,
});

describe('identity documents asked for', () => {
  it('asks for none while every check passes, outside the countries that ask up front', () => {
    expect(documentRequirements(facts({ 'individual.dob': { status: 'verified' } }))).toEqual([]);
  });

  it('asks for the person’s document instead of the birth date when the keyed identity fails', () => {
    const verification = { 'individual.dob': KEYED_FAILURE };
    expect(documentRequirements(facts(verification))).toEqual([
      {
        key: 'individual.verification.document',
        subject: 'person',
        due: true,
        status: null,
        error: {
          code: 'verification_failed_keyed_identity',
          reason: expect.stringMatching(/upload an identity document/),
        },
      },
    ]);
    const state = checked(computeRequirements(facts(verification), NOW));
    expect(state.currentlyDue).toEqual(['individual.verification.document']);
    expect(state.errors).toEqual([
      {
        requirement: 'individual.verification.document',
        code: 'verification_failed_keyed_identity',
        reason: expect.any(String),
      },
    ]);
  });

  it('a failed document is due again with its own code; a verified one settles the failed check', () => {
    const failed = checked(
      computeRequirements(
        facts({
          'individual.dob': KEYED_FAILURE,
          'individual.verification.document': {
            status: 'failed',
            code: 'verification_document_failed_other',
            reason: 'Not readable.',
          },
        }),
        NOW,
      ),
    );
    expect(failed.currentlyDue).toEqual(['individual.verification.document']);
    expect(failed.errors.map((error) => error.code)).toEqual([
      'verification_document_failed_other',
    ]);

    const verified = checked(
      computeRequirements(
        facts({
          'individual.dob': KEYED_FAILURE,
          'individual.verification.document': { status: 'verified' },
        }),
        NOW,
      ),
    );
    expect(verified).toEqual({ currentlyDue: [], pendingVerification: [], errors: [] });
  });

  it('a document under review waits as pending, with payouts held', () => {
    const state = computeRequirements(
      facts({
        'individual.dob': KEYED_FAILURE,
        'individual.verification.document': { status: 'pending' },
      }),
      NOW,
    );
    expect(checked(state)).toEqual({
      currentlyDue: [],
      pendingVerification: ['individual.verification.document'],
      errors: [],
    });
    expect(state.payoutsEnabled).toBe(false);
  });

  it('asks a company for its papers when its tax id does not match, and its representative when theirs fails', () => {
    const asked = documentRequirements(
      facts(
        {
          'company.tax_id': { status: 'failed', code: 'verification_failed_tax_id_match' },
          'representative.dob': KEYED_FAILURE,
        },
        { businessType: 'company' },
      ),
    );
    // The representative's birth date was not given in these facts: only the company is asked.
    expect(asked.map((document) => [document.key, document.due])).toEqual([
      ['company.verification.document', true],
    ]);
  });

  it('asks up front where the country does, without an error', () => {
    const asked = documentRequirements(facts({}, { country: 'SG', businessType: 'company' }));
    expect(asked).toEqual([
      expect.objectContaining({
        key: 'representative.verification.document',
        due: true,
        error: null,
      }),
      expect.objectContaining({ key: 'company.verification.document', due: true, error: null }),
    ]);
  });

  it('shows a document sent before even when no longer asked for, but does not ask again', () => {
    const corrected = documentRequirements(
      facts({
        'individual.dob': { status: 'verified' },
        'individual.verification.document': { status: 'failed', code: 'x' },
      }),
    );
    expect(corrected).toEqual([
      expect.objectContaining({ due: false, status: 'failed', error: null }),
    ]);
  });

  it('knows which failures a document answers and which documents have a back', () => {
    expect(answeredByDocument('individual.dob', { 'individual.dob': KEYED_FAILURE })).toBe(true);
    expect(
      answeredByDocument('individual.id_number', {
        'individual.id_number': { status: 'failed', code: 'verification_failed_id_number_match' },
      }),
    ).toBe(false);
    expect(answeredByDocument('owners.0.dob', { 'owners.0.dob': KEYED_FAILURE })).toBe(false);
    expect([hasBack('passport'), hasBack('id_card'), hasBack('driving_license')]).toEqual([
      false,
      true,
      true,
    ]);
    expect(documentTypesFor('company.verification.document')).toContain('company_registration');
    expect(documentTypesFor('individual.verification.document')).toContain('passport');
  });
});
