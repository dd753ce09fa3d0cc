import { stdnum } from 'stdnum';

/** stdnum's US validators, there in every version (its index is typed as a plain record). */
const US = stdnum.US as Record<'ssn' | 'ein', NonNullable<(typeof stdnum)[string][string]>>;

/** The US taxpayer ids a W-9 takes: SSN and ITIN for people, EIN for businesses. */
export const TIN_TYPES = ['ssn', 'itin', 'ein'] as const;
export type TinType = (typeof TIN_TYPES)[number];

export type TinCheck = { ok: true; digits: string } | { ok: false; message: string };

const NAMES: Record<TinType, string> = {
  ssn: 'Social Security number',
  itin: 'Individual Taxpayer Identification Number',
  ein: 'Employer Identification Number',
};

/**
 * An ITIN starts with 9 and its middle two digits are in the ranges the IRS issues (50–65,
 * 70–88, 90–92, 94–99); stdnum knows SSNs and EINs but not ITINs.
 */
function itinFits(digits: string): boolean {
  const group = Number(digits.slice(3, 5));
  return (
    digits.startsWith('9') &&
    ((group >= 50 && group <= 65) ||
      (group >= 70 && group <= 88) ||
      (group >= 90 && group <= 92) ||
      group >= 94)
  );
}

/**
 * Checks a taxpayer id as the IRS issues them, written with or without hyphens and spaces:
 * nine digits, never all zeros; an SSN with no 000, 666 or 9xx area, no 00 group, no 0000
 * serial and none of the numbers known to be invalid (stdnum); an ITIN as `itinFits`; an EIN
 * with a prefix the IRS assigns (stdnum).
 */
export function checkTin(type: TinType, raw: string): TinCheck {
  const digits = raw.replace(/[\s-]/g, '');
  const refuse = (why: string): TinCheck => ({
    ok: false,
    message: `Enter a valid ${NAMES[type]}: ${why}.`,
  });
  if (!/^\d{9}$/.test(digits)) return refuse('nine digits');
  if (/^0+$/.test(digits)) return refuse('it cannot be all zeros');
  switch (type) {
    case 'ssn':
      if (digits.endsWith('0000') || !US.ssn.validate(digits).isValid)
        return refuse('this number is never issued as an SSN');
      break;
    case 'itin':
      if (!itinFits(digits)) return refuse('an ITIN starts with 9 and has a valid middle group');
      break;
    case 'ein':
      if (!US.ein.validate(digits).isValid)
        return refuse('the first two digits are not an EIN prefix the IRS assigns');
      break;
  }
  return { ok: true, digits };
}

/**
 * A taxpayer id as it may be shown: only its last four digits, in the shape of its kind
 * (`•••-••-6789` for an SSN or ITIN, `••-•••6789` for an EIN).
 */
export const maskTin = (type: TinType, last4: string): string =>
  type === 'ein' ? `••-•••${last4}` : `•••-••-${last4}`;
