import type { PostalAddress } from './tax-form-pdf.rules.js';

export type SettingCheck<Value> =
  { ok: true; value: Value } | { ok: false; field: string; message: string };

/** What a US form prints: Latin letters (accents included), digits and punctuation. */
const PRINTABLE = /^[\x20-\x7E\u00A0-\u00FF]+$/;

const refuse = (field: string, message: string) => ({ ok: false as const, field, message });

function text(field: string, raw: string | null | undefined, max: number, required = true) {
  const value = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!value)
    return required ? refuse(field, `${field} is required.`) : { ok: true as const, value: null };
  if (value.length > max) return refuse(field, `${field} takes at most ${max} characters.`);
  if (!PRINTABLE.test(value))
    return refuse(field, `${field} must be in Latin letters, as the IRS has it.`);
  return { ok: true as const, value };
}

/** The payer's legal name, as the forms print it. */
export function checkPayerName(raw: string): SettingCheck<string> {
  const checked = text('payerName', raw, 100);
  return checked.ok ? { ok: true, value: checked.value! } : checked;
}

/** A US address: printable lines, a state's two-letter code, a ZIP or ZIP+4 code. */
export function checkPayerAddress(raw: {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
}): SettingCheck<PostalAddress> {
  const line1 = text('payerAddress.line1', raw.line1, 100);
  if (!line1.ok) return line1;
  const line2 = text('payerAddress.line2', raw.line2, 100, false);
  if (!line2.ok) return line2;
  const city = text('payerAddress.city', raw.city, 60);
  if (!city.ok) return city;
  const state = raw.state.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(state))
    return refuse(
      'payerAddress.state',
      'payerAddress.state is a two-letter USPS code, such as CA.',
    );
  const postalCode = raw.postalCode.trim();
  if (!/^\d{5}(-\d{4})?$/.test(postalCode))
    return refuse('payerAddress.postalCode', 'payerAddress.postalCode is a ZIP or ZIP+4 code.');
  return {
    ok: true,
    value: { line1: line1.value!, line2: line2.value, city: city.value!, state, postalCode },
  };
}

/** A telephone number as people write them; null clears it. */
export function checkPayerPhone(raw: string | null): SettingCheck<string | null> {
  if (raw === null || raw.trim() === '') return { ok: true, value: null };
  const value = raw.trim();
  return /^\+?[\d\s().-]{7,20}$/.test(value) && value.replace(/\D/g, '').length >= 7
    ? { ok: true, value }
    : refuse('payerPhone', 'payerPhone is a telephone number, such as +1 555 555 0100.');
}

/** The payer's EIN: nine digits, with or without the hyphen, never all zeros. */
export function checkPayerTin(raw: string): SettingCheck<string> {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{9}$/.test(digits) && !/^0+$/.test(digits)
    ? { ok: true, value: digits }
    : refuse('payerTin', 'payerTin is the payer’s nine-digit EIN, such as 12-3456789.');
}

/** An EIN as forms print it: 12-3456789. */
export const formatEin = (digits: string) => `${digits.slice(0, 2)}-${digits.slice(2)}`;
