import { describe, expect, it } from 'vitest';
import {
  isVerifiable,
  ManualReview,
  TEST_FAILING_DOB,
  TEST_ID_NUMBER,
  TestModeVerification,
} from './verification.rules.js';

const request = (values: Record<string, string>) => ({
  accountId: 'acct_jo',
  country: 'US',
  livemode: false,
  values,
});

describe('verification', () => {
  it('looks at ids, birth dates and home addresses only', () => {
    expect(isVerifiable('owners.2.dob')).toBe(true);
    expect(isVerifiable('representative.address.line1')).toBe(true);
    expect(isVerifiable('individual.first_name')).toBe(false);
  });

  it('in test mode, answers the documented magic values', async () => {
    const results = await new TestModeVerification().verify(
      request({
        'individual.id_number': TEST_ID_NUMBER.failed,
        'representative.id_number': TEST_ID_NUMBER.pending,
        'individual.dob': TEST_FAILING_DOB,
        'owners.0.dob': '1980-01-01',
        'individual.first_name': 'Jo',
      }),
    );
    expect(results).toEqual({
      'individual.id_number': expect.objectContaining({
        status: 'failed',
        code: 'verification_failed_id_number_match',
      }),
      'representative.id_number': { status: 'pending' },
      'individual.dob': expect.objectContaining({ code: 'verification_failed_keyed_identity' }),
      'owners.0.dob': { status: 'verified' },
    });
  });

  it('in test mode, fails a company tax id of the failing test value', async () => {
    const results = await new TestModeVerification().verify(
      request({ 'company.tax_id': TEST_ID_NUMBER.failed }),
    );
    expect(results['company.tax_id']).toMatchObject({
      status: 'failed',
      code: 'verification_failed_tax_id_match',
    });
    expect(
      (await new TestModeVerification().verify(request({ 'company.tax_id': '123456789' })))[
        'company.tax_id'
      ],
    ).toEqual({ status: 'verified' });
  });

  it('without a provider, leaves everything pending', async () => {
    expect(
      await new ManualReview().verify(request({ 'individual.dob': '1980-01-01', other: 'x' })),
    ).toEqual({ 'individual.dob': { status: 'pending' } });
  });
});
