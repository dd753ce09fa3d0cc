/**
 * Checking that people are who the account says: a provider looks at what was submitted and
 * answers per requirement. Test mode simulates it with documented magic values; live mode
 * plugs in a real provider behind the same interface.
 */

export type VerificationStatus = 'verified' | 'pending' | 'failed';

export interface VerificationResult {
  status: VerificationStatus;
  /** Why it failed, Stripe-style: verification_failed_id_number_match, … */
  code?: string;
  reason?: string;
}

/** What a provider is shown: the verifiable values by requirement key. */
export interface VerificationRequest {
  accountId: string;
  country: string;
  livemode: boolean;
  values: Record<string, string>;
}

export interface VerificationProvider {
  /** Answers for each key it looked at; keys it has no opinion on are left out. */
  verify(request: VerificationRequest): Promise<Record<string, VerificationResult>>;
}

/** The keys a provider verifies: national ids, birth dates, home addresses, a company's tax id. */
export const isVerifiable = (key: string) =>
  /^(individual|representative|owners\.\d+)\.(id_number|dob|address\.line1)$/.test(key) ||
  key === 'company.tax_id';

/**
 * Test-mode id numbers (any country): one verifies, one fails, one stays pending. A company tax
 * id of the failing value fails too, and asks for a company document.
 */
export const TEST_ID_NUMBER = { verified: '000000000', failed: '111111111', pending: '222222222' };
export const TEST_ID_NUMBERS = new Set(Object.values(TEST_ID_NUMBER));
/** A birth date that fails the check, and an address line that cannot be matched. */
export const TEST_FAILING_DOB = '1900-01-01';
export const TEST_FAILING_ADDRESS = 'address_no_match';

const failed = (code: string, reason: string): VerificationResult => ({
  status: 'failed',
  code,
  reason,
});

/**
 * The test-mode provider: every value verifies except the magic ones (see the README's
 * "Test-mode verification" table).
 */
export class TestModeVerification implements VerificationProvider {
  async verify(request: VerificationRequest): Promise<Record<string, VerificationResult>> {
    const results: Record<string, VerificationResult> = {};
    for (const [key, value] of Object.entries(request.values)) {
      if (!isVerifiable(key)) continue;
      if (key === 'company.tax_id')
        results[key] =
          value === TEST_ID_NUMBER.failed
            ? failed(
                'verification_failed_tax_id_match',
                'The tax id does not match the company’s name.',
              )
            : { status: 'verified' };
      else if (key.endsWith('.id_number') && value === TEST_ID_NUMBER.failed)
        results[key] = failed(
          'verification_failed_id_number_match',
          'The id number does not match the name and date of birth.',
        );
      else if (key.endsWith('.id_number') && value === TEST_ID_NUMBER.pending)
        results[key] = { status: 'pending' };
      else if (key.endsWith('.dob') && value === TEST_FAILING_DOB)
        results[key] = failed(
          'verification_failed_keyed_identity',
          'The person could not be verified with this date of birth.',
        );
      else if (key.endsWith('.address.line1') && value === TEST_FAILING_ADDRESS)
        results[key] = failed(
          'verification_failed_address_match',
          'The address could not be matched to the person.',
        );
      else results[key] = { status: 'verified' };
    }
    return results;
  }
}

/**
 * Live mode without a provider configured: nothing is decided automatically, everything waits
 * as pending for a provider (or a person) to answer. A real provider implements the interface.
 */
export class ManualReview implements VerificationProvider {
  async verify(request: VerificationRequest): Promise<Record<string, VerificationResult>> {
    return Object.fromEntries(
      Object.keys(request.values)
        .filter(isVerifiable)
        .map((key) => [key, { status: 'pending' as const }]),
    );
  }
}
