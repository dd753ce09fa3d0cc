import escapeHtml from 'escape-html';

const SAFE = Symbol('SafeHtml');

/** Markup built by `markup`: every value in it was escaped, or was itself built by `markup`. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly markup: string;
}

/** What `markup` takes between its literal parts: text (escaped), safe markup, or nothing. */
export type HtmlValue =
  string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const isSafe = (value: unknown): value is SafeHtml =>
  typeof value === 'object' && value !== null && SAFE in value;

function markupOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(markupOf).join('');
  if (isSafe(value)) return value.markup;
  // & < > " ' become entities (' as &#39;, which every mail client reads): safe as element
  // text and inside a quoted attribute. Attributes in templates are therefore always quoted.
  return escapeHtml(String(value as string | number));
}

/**
 * A template literal tag for HTML: the literal parts are markup, every `${value}` is text and
 * is escaped, unless it was made by `markup` itself. No value can open a tag or leave an
 * attribute, whoever wrote it. URLs (href, src) and CSS values are not made safe by escaping:
 * pass them through `httpUrl`, `mailtoUrl`, `telUrl` and a colour check first. (Not named
 * `html`: Prettier would reformat such templates, and whitespace in an email's markup shows.)
 */
export function markup(literals: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let built = literals[0] ?? '';
  values.forEach((value, index) => {
    built += markupOf(value) + (literals[index + 1] ?? '');
  });
  return { [SAFE]: true, markup: built };
}

/** An http(s) URL as a link may point at it, or null (javascript:, data:, credentials…). */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.href;
}

// Letters, digits and the usual punctuation of a mailbox; a host of labels. Anything else
// (spaces, quotes, angle brackets, `?` that would add headers) is shown as text, not linked.
const PLAIN_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** A `mailto:` link to a plain address, or null. */
export const mailtoUrl = (email: string | null | undefined): string | null =>
  email && email.length <= 254 && PLAIN_EMAIL.test(email) ? `mailto:${email}` : null;

/** A `tel:` link to an E.164 number, or null. */
export const telUrl = (phone: string | null | undefined): string | null =>
  phone && E164.test(phone) ? `tel:${phone}` : null;
