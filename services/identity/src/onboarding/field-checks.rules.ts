import { differenceInYears } from 'date-fns/differenceInYears';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { isEmail, isPhoneNumber, isPostalCode, isURL } from 'class-validator';
import type { FieldRule } from './requirement-table.rules.js';
import { TEST_ID_NUMBERS } from './verification.rules.js';

/** Why a value was refused: `code` picks the words on screen, `message` says it in English. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export type FieldCheck = { ok: true; value: string } | { ok: false; code: string; message: string };

const ok = (value: string): FieldCheck => ({ ok: true, value });
const refuse = (code: string, message: string): FieldCheck => ({ ok: false, code, message });

/** The youngest a person who signs for an account may be. */
const MINIMUM_AGE = 18;
const MAX_TEXT = 100;

/** National id formats; test mode also takes the documented magic numbers anywhere. */
const ID_NUMBER_FORMATS: Record<string, { pattern: RegExp; name: string }> = {
  US: { pattern: /^\d{9}$/, name: 'a 9-digit Social Security number' },
  SG: { pattern: /^[STFGM]\d{7}[A-Z]$/, name: 'an NRIC or FIN such as S1234567D' },
  CN: { pattern: /^\d{17}[\dX]$/, name: 'an 18-character resident identity card number' },
};
const TAX_ID_FORMATS: Record<string, { pattern: RegExp; name: string }> = {
  US: { pattern: /^\d{9}$/, name: 'a 9-digit EIN' },
  GB: { pattern: /^[A-Z0-9]{8}$/, name: 'an 8-character company registration number' },
  JP: { pattern: /^\d{13}$/, name: 'a 13-digit corporate number' },
  CN: { pattern: /^[0-9A-Z]{18}$/, name: 'an 18-character unified social credit code' },
  SG: { pattern: /^\d{8,9}[A-Z]$/, name: 'a UEN such as 201912345K' },
};
const DEFAULT_TAX_ID = { pattern: /^[A-Z0-9]{5,20}$/, name: '5 to 20 letters and digits' };

function checkDate(key: string, value: string, now: Date): FieldCheck {
  const date = parseISO(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(date) || date.getUTCFullYear() < 1900)
    return refuse('invalid_date', 'Enter a date as YYYY-MM-DD.');
  if (date > now) return refuse('invalid_date', 'The date is in the future.');
  if (!key.startsWith('owners.') && differenceInYears(now, date) < MINIMUM_AGE)
    return refuse('too_young', `The person must be at least ${MINIMUM_AGE} years old.`);
  return ok(value);
}

function checkIdNumber(key: string, raw: string, country: string, livemode: boolean): FieldCheck {
  const value = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!livemode && TEST_ID_NUMBERS.has(value)) return ok(value);
  const isTaxId = key === 'company.tax_id';
  const format = isTaxId
    ? (TAX_ID_FORMATS[country] ?? DEFAULT_TAX_ID)
    : (ID_NUMBER_FORMATS[country] ?? { pattern: /^[A-Z0-9]{4,20}$/, name: 'an id number' });
  return format.pattern.test(value)
    ? ok(value)
    : refuse(isTaxId ? 'invalid_tax_id' : 'invalid_id_number', `Enter ${format.name}.`);
}

/** validator knows most countries' postal codes; for the rest any plausible code passes. */
function postalCodeFits(value: string, country: string): boolean {
  try {
    return isPostalCode(value, country as never);
  } catch {
    return isPostalCode(value, 'any');
  }
}

/**
 * Checks and normalises one value for its rule (trimmed text, upper-case ids, https:// added
 * to a bare domain). Country rules decide postal codes, phone numbers and ids.
 */
export function checkField(
  rule: FieldRule,
  raw: string,
  context: { country: string; livemode: boolean; now: Date },
): FieldCheck {
  const value = raw.trim();
  if (value.length > (rule.kind === 'url' ? 500 : MAX_TEXT))
    return refuse('too_long', 'This is too long.');
  switch (rule.kind) {
    case 'select':
      return rule.options?.includes(value)
        ? ok(value)
        : refuse('invalid_option', `Choose one of: ${rule.options?.join(', ')}.`);
    case 'checkbox':
      return value === 'true' || value === 'false'
        ? ok(value)
        : refuse('invalid_option', 'Expected true or false.');
    case 'email':
      return isEmail(value)
        ? ok(value.toLowerCase())
        : refuse('invalid_email', 'Enter an email address.');
    case 'phone':
      return isPhoneNumber(value, context.country as never)
        ? ok(value.replace(/[\s()-]/g, ''))
        : refuse('invalid_phone', 'Enter a phone number, such as +1 555 555 0100.');
    case 'url': {
      const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
      return isURL(url, { require_tld: true, protocols: ['http', 'https'] })
        ? ok(url)
        : refuse('invalid_url', 'Enter the web address of the business, such as example.com.');
    }
    case 'date':
      return checkDate(rule.key, value, context.now);
    case 'percent': {
      const percent = Number(value);
      return value !== '' && Number.isFinite(percent) && percent > 0 && percent <= 100
        ? ok(String(percent))
        : refuse('invalid_percent', 'Enter a percentage between 0 and 100.');
    }
    case 'id_number':
      return checkIdNumber(rule.key, value, context.country, context.livemode);
    default:
      if (rule.key.endsWith('.postal_code') && !postalCodeFits(value, context.country))
        return refuse('invalid_postal_code', 'Enter a postal code for the country.');
      return ok(value);
  }
}
