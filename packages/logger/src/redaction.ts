/**
 * Keys whose values are secrets or personal data, wherever they appear in a logged object (any
 * depth, any case, `-`/`_` ignored): credentials and tokens, one-time codes, contact details,
 * bank details and personal ids. A value under one of these keys is replaced before the line is
 * written, so logs can be shipped to any store.
 */
const SENSITIVE_KEYS = [
  // credentials and tokens
  'authorization',
  'cookie',
  'setcookie',
  'password',
  'secret',
  'secretkey',
  'secretkeys',
  'token',
  'sessiontoken',
  'session',
  'apikey',
  'rawkey',
  'accesstoken',
  'refreshtoken',
  'xdashcaller',
  'xdashsession',
  'logintoken',
  'loginlink',
  // one-time codes
  'otp',
  'onetimecode',
  'smscode',
  'emailcode',
  'logincode',
  'verificationcode',
  // contact details
  'email',
  'phone',
  'phonenumber',
  'mobile',
  // bank and card details
  'accountnumber',
  'routingnumber',
  'iban',
  'bic',
  'swift',
  'sortcode',
  'cardnumber',
  'last4',
  'cvc',
  'bankaccount',
  // personal ids and names
  'ssn',
  'taxid',
  'idnumber',
  'personalid',
  'personalidnumber',
  'dob',
  'dateofbirth',
  'firstname',
  'lastname',
  'fullname',
  'address',
  'clientip',
  'useragent',
  // values bound into SQL (TypeORM and mysql2 errors carry them)
  'parameters',
  'sql',
] as const;

const sensitive = new Set<string>(SENSITIVE_KEYS);
const normalise = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/** Is a value under this key withheld from logs? */
export const isSensitiveKey = (key: string): boolean => sensitive.has(normalise(key));

/** Text that looks like contact or credential data even when its key says nothing. */
const SENSITIVE_TEXT: Array<[RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\b(sk|rk|pk)_(test|live)_[A-Za-z0-9]+/g, '[api key]'],
  [/\+\d[\d\s-]{6,}\d/g, '[phone]'],
  // MySQL quotes the offending value in its unique-key errors.
  [/Duplicate entry '[^']*'/g, "Duplicate entry '[redacted]'"],
];

/** Masks contact details and keys written inside free text (messages, error strings). */
export function redactText(text: string): string {
  return SENSITIVE_TEXT.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` safe to log: values under sensitive keys become "[redacted]", strings have
 * contact details and keys masked. Errors keep their type, message and stack (masked too).
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.type = value.name;
    out.message = redactText(value.message);
    if (value.stack) out.stack = redactText(value.stack);
  }
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? '[redacted]' : redact(item, depth + 1, seen);
  }
  return out;
}
