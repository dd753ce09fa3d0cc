import { describe, expect, it } from 'vitest';
import { checkSignature, checkTaxDetails, onboardingPrefill } from './tax-details.rules.js';

const address = {
  line1: '510 Townsend St',
  line2: null,
  city: 'San Francisco',
  state: 'ca',
  postalCode: '94103',
};

describe('name and address as on the tax return', () => {
  it('keeps them trimmed, the state upper-case', () => {
    expect(checkTaxDetails({ legalName: '  José  Rosen ', address })).toEqual({
      ok: true,
      value: {
        legalName: 'José Rosen',
        address: { ...address, state: 'CA' },
      },
    });
    expect(
      checkTaxDetails({ legalName: 'Jo', address: { ...address, postalCode: '94103-1234' } }).ok,
    ).toBe(true);
  });

  it('names the field it refuses', () => {
    const fieldOf = (input: Parameters<typeof checkTaxDetails>[0]) => {
      const checked = checkTaxDetails(input);
      return checked.ok ? null : checked.field;
    };
    expect(fieldOf({ legalName: ' ', address })).toBe('legalName');
    expect(fieldOf({ legalName: 'x'.repeat(101), address })).toBe('legalName');
    expect(fieldOf({ legalName: '王小明', address })).toBe('legalName');
    expect(fieldOf({ legalName: 'Jo', address: { ...address, line1: '' } })).toBe('address.line1');
    expect(fieldOf({ legalName: 'Jo', address: { ...address, city: null } })).toBe('address.city');
    expect(fieldOf({ legalName: 'Jo', address: { ...address, state: 'XX' } })).toBe(
      'address.state',
    );
    expect(fieldOf({ legalName: 'Jo', address: { ...address, postalCode: '9410' } })).toBe(
      'address.postalCode',
    );
    expect(fieldOf({ legalName: 'Jo', address: { ...address, postalCode: 'SW1A 1AA' } })).toBe(
      'address.postalCode',
    );
    expect(fieldOf({ legalName: 'Jo', address: null })).toBe('address.line1');
  });

  it('takes a typed signature as a printable name', () => {
    expect(checkSignature(' Jenny Rosen ')).toEqual({ ok: true, value: 'Jenny Rosen' });
    expect(checkSignature('').ok).toBe(false);
    expect(checkSignature('\u0007').ok).toBe(false);
  });
});

describe('starting from onboarding', () => {
  it("takes a person's name and home address, and an SSN", () => {
    expect(
      onboardingPrefill('individual', {
        'individual.first_name': 'Jenny',
        'individual.last_name': 'Rosen',
        'individual.address.line1': '510 Townsend St',
        'individual.address.city': 'San Francisco',
        'individual.address.state': 'ca',
        'individual.address.postal_code': '94103',
        'individual.id_number': 'sealed:v2:k1:…',
      }),
    ).toEqual({
      legalName: 'Jenny Rosen',
      address: {
        line1: '510 Townsend St',
        line2: null,
        city: 'San Francisco',
        state: 'CA',
        postalCode: '94103',
      },
      tinType: 'ssn',
    });
  });

  it("takes a company's name and address, and an EIN", () => {
    expect(
      onboardingPrefill('company', {
        'company.name': 'Rosen Rides LLC',
        'company.address.line1': '1 Main St',
        'company.address.city': 'Austin',
      }),
    ).toMatchObject({
      legalName: 'Rosen Rides LLC',
      address: { line1: '1 Main St', city: 'Austin', state: '', postalCode: '' },
      tinType: 'ein',
    });
  });

  it('gives nothing it does not know', () => {
    expect(onboardingPrefill(null, null)).toEqual({
      legalName: null,
      address: null,
      tinType: 'ssn',
    });
  });
});
