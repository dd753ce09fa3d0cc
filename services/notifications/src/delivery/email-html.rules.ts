import { localeOf } from '../activity/formats.rules.js';
import { TEXTS, type Texts } from '../texts/texts.js';
import { httpUrl, mailtoUrl, markup, telUrl, type SafeHtml } from './html.rules.js';
import { hexColorOr, textColorOn } from './readable-text.rules.js';

/** How the platform the email comes from presents itself. */
export interface EmailBrand {
  name: string;
  /** `#rrggbb`; anything else falls back to the default colour. */
  color: string;
  /** An absolute http(s) URL of a PNG or JPEG icon, or null (then the name, in its colour). */
  iconSrc: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  supportUrl: string | null;
}

/** What the email says: the plain-text part and what the HTML part shows besides. */
export interface EmailContent {
  /** The reader's language (en, zh-CN, ja, de, fr or es; English for anything else). */
  locale: string;
  subject: string;
  text: string;
  /** A one-time code: shown large above the text. */
  code?: string | undefined;
  /** Where the message leads (the dashboard): linked where the text names it, and a button. */
  action?: string | undefined;
}

const FALLBACK_COLOR = '#5b4cf0';
// Unquoted family names (valid CSS): the font list goes into attributes without entities.
const FONT = '-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const MONO = 'Menlo,Consolas,Courier New,monospace';
const MUTED = '#5c6370';
const INK = '#1a1a1a';

type Words = Texts['email'];

/** The platform's icon and name, or its name alone in its colour. */
function header(brand: EmailBrand, color: string): SafeHtml {
  const icon = httpUrl(brand.iconSrc);
  const name = markup`<span style="font-family:${FONT};font-size:20px;line-height:28px;font-weight:700;color:${icon ? INK : color};">${brand.name}</span>`;
  if (!icon) return name;
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td style="padding-right:12px;vertical-align:middle;"><img src="${icon}" width="40" height="40" alt="${brand.name}" style="display:block;border:0;width:40px;height:40px;border-radius:8px;"></td>
<td style="vertical-align:middle;">${name}</td>
</tr></table>`;
}

/** One line of text, with the action's URL made a link where the line names it. */
function line(text: string, action: string | null): SafeHtml[] {
  if (!action || !text.includes(action)) return [markup`${text}`];
  const link = markup`<a href="${action}" style="color:inherit;text-decoration:underline;">${action}</a>`;
  return text
    .split(action)
    .flatMap((part, index) => (index === 0 ? [markup`${part}`] : [link, markup`${part}`]));
}

/** The text's paragraphs (blank-line apart), their lines kept. */
function paragraphs(text: string, action: string | null): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => {
      const lines = paragraph
        .split('\n')
        .map((each, index) => [index > 0 ? markup`<br>` : null, line(each, action)]);
      return markup`<p style="margin:0 0 16px 0;">${lines}</p>`;
    });
}

/** A button that renders in every mail client: a coloured cell holding the link. */
function button(href: string, label: string, color: string): SafeHtml {
  const ink = textColorOn(color);
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;"><tr>
<td bgcolor="${color}" style="border-radius:6px;background-color:${color};"><a href="${href}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:600;line-height:20px;color:${ink};text-decoration:none;border-radius:6px;">${label}</a></td>
</tr></table>`;
}

/** Where to get help: each of email, phone and page the platform gave, as a link if it is one. */
function supportContact(brand: EmailBrand, words: Words): SafeHtml | null {
  const contact = (label: string | null, href: string | null) =>
    label
      ? href
        ? markup`<a href="${href}" style="color:${MUTED};">${label}</a>`
        : markup`${label}`
      : null;
  const ways = [
    contact(brand.supportEmail, mailtoUrl(brand.supportEmail)),
    contact(brand.supportPhone, telUrl(brand.supportPhone)),
    contact(brand.supportUrl, httpUrl(brand.supportUrl)),
  ].filter((way): way is SafeHtml => way !== null);
  if (ways.length === 0) return null;
  const listed = ways.map((way, index) => [index > 0 ? ' · ' : null, way]);
  return markup`<p style="margin:0 0 8px 0;">${words.questions(brand.name)} ${listed}</p>`;
}

/**
 * The HTML part of an email to an account, in its platform's branding: a table layout with
 * inline styles only (what mail clients keep), no remote fonts, every value escaped, links
 * only to http(s), mailto and tel addresses. The brand colour marks the top edge and the
 * button, with black or white text on it, whichever reads better.
 */
export function renderEmailHtml(content: EmailContent, brand: EmailBrand): string {
  const locale = localeOf(content.locale);
  const words = TEXTS[locale].email;
  const color = hexColorOr(brand.color, FALLBACK_COLOR);
  const action = httpUrl(content.action);
  const code = content.code
    ? markup`<p style="margin:0 0 16px 0;font-family:${MONO};font-size:32px;line-height:40px;font-weight:700;letter-spacing:6px;color:${INK};">${content.code}</p>`
    : null;
  const page = markup`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${content.subject}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${content.text.slice(0, 140)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border-top:4px solid ${color};border-radius:8px;">
<tr><td style="padding:24px 32px 8px 32px;">${header(brand, color)}</td></tr>
<tr><td style="padding:8px 32px 8px 32px;font-family:${FONT};font-size:16px;line-height:24px;color:${INK};">
<h1 style="margin:0 0 16px 0;font-family:${FONT};font-size:20px;line-height:28px;font-weight:600;color:${INK};">${content.subject}</h1>
${code}
${paragraphs(content.text, action)}
${action ? button(action, words.open, color) : null}
</td></tr>
<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid #e6e8eb;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};">
${supportContact(brand, words)}
<p style="margin:0;">${words.sentBy(brand.name)}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return page.markup;
}
