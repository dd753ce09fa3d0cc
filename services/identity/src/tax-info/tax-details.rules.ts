import { isPostalCode } from 'class-validator';
import type { TinType } from './tin.rules.js';

/** A US address as a tax form prints it. */
export interface TaxAddressValue {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
}

/** The name and address of the taxpayer as on its tax return (W-9 lines 1, 5 and 6). */
export interface TaxDetails {
  legalName: string;
  address: TaxAddressValue;
}

export type DetailsCheck<Value> =
  { ok: true; value: Value } | { ok: false; field: string; message: string };

/** The USPS codes of the states, DC, the territories and the military post offices. */
export const US_STATES = new Set(
  `AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
   NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI UM AA AE AP`.split(
    /\s+/,
  ),
);

/**
 * What a US tax form can print: the Latin letters of the IRS's forms (accents included), digits
 * and punctuation. Names in other scripts are written as on the tax return, in Latin letters.
 */
const PRINTABLE = /^[\x20-\x7E\u00A0-\u00FF]+$/;

function text(
  field: string,
  raw: string | null | undefined,
  max: number,
  required = true,
): DetailsCheck<string | null> {
  const value = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!value) return required ? refuse(field, 'This is required.') : { ok: true, value: null };
  if (value.length > max) return refuse(field, `Use at most ${max} characters.`);
  if (!PRINTABLE.test(value))
    return refuse(field, 'Write it in Latin letters, as on your tax return.');
  return { ok: true, value };
}

const refuse = (field: string, message: string) => ({ ok: false as const, field, message });

export interface TaxDetailsInput {
  legalName?: string | null;
  address?: {
    line1?: string | null;
    line2?: string | null;
    city?: string | null;
    state?: string | null;
    postalCode?: string | null;
  } | null;
}

/**
 * Checks the legal name and a US address, each refusal naming its field (`address.state`…):
 * text a form can print, a state's USPS code, a ZIP or ZIP+4 code.
 */
export function checkTaxDetails(input: TaxDetailsInput): DetailsCheck<TaxDetails> {
  const legalName = text('legalName', input.legalName, 100);
  if (!legalName.ok) return legalName;
  const address = input.address ?? {};
  const line1 = text('address.line1', address.line1, 100);
  if (!line1.ok) return line1;
  const line2 = text('address.line2', address.line2, 100, false);
  if (!line2.ok) return line2;
  const city = text('address.city', address.city, 60);
  if (!city.ok) return city;
  const state = (address.state ?? '').trim().toUpperCase();
  if (!US_STATES.has(state))
    return refuse('address.state', 'Choose the state as its two-letter code, such as CA.');
  const postalCode = (address.postalCode ?? '').trim();
  if (!/^\d{5}(-\d{4})?$/.test(postalCode) || !isPostalCode(postalCode, 'US'))
    return refuse('address.postalCode', 'Enter a ZIP code, such as 94103 or 94103-1234.');
  return {
    ok: true,
    value: {
      legalName: legalName.value!,
      address: { line1: line1.value!, line2: line2.value, city: city.value!, state, postalCode },
    },
  };
}

/** The typed signature of the certification: a name, as the form can print it. */
export const checkSignature = (raw: string): DetailsCheck<string> => {
  const checked = text('signatureName', raw, 100);
  return checked.ok ? { ok: true, value: checked.value! } : checked;
};

/**
 * What onboarding already knows, to start the W-9 with: a person's name and home address and an
 * SSN, or a company's name and address and an EIN. Null parts were not given there.
 */
export function onboardingPrefill(
  businessType: string | null,
  details: Record<string, string> | null,
): { legalName: string | null; address: TaxAddressValue | null; tinType: TinType } {
  const answers = details ?? {};
  const company = businessType === 'company';
  const prefix = company ? 'company' : 'individual';
  const name = company
    ? (answers['company.name'] ?? '')
    : [answers['individual.first_name'], answers['individual.last_name']].filter(Boolean).join(' ');
  const part = (key: string) => answers[`${prefix}.address.${key}`]?.trim() || null;
  const line1 = part('line1');
  const city = part('city');
  return {
    legalName: name.trim() || null,
    address:
      line1 || city
        ? {
            line1: line1 ?? '',
            line2: part('line2'),
            city: city ?? '',
            state: part('state')?.toUpperCase() ?? '',
            postalCode: part('postal_code') ?? '',
          }
        : null,
    tinType: company ? 'ein' : 'ssn',
  };
}
