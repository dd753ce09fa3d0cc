import { formatsIn, localeOf } from '../activity/formats.rules.js';
import { ACCOUNT_TEMPLATES, TEXTS, type AccountTemplate } from '../texts/texts.js';
import { disabledNoticeMessage } from '../webhook/endpoint-disabled-notice.rules.js';

/**
 * What a person receives. A message to an account is written in its language (params.locale:
 * en, zh-CN, ja, de, fr or es; English for anything else), amounts and dates as that language
 * writes them; a notice to a platform's developers is in English, like the API it is about, as
 * no platform says which language its team reads. SMS has no subject; keep it short. An email
 * to an account also gets an HTML part (`html`, see EmailComposer); the text is always there,
 * for clients that show text only.
 */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

/** Messages to a platform's own team, by template. */
const PLATFORM_TEMPLATES: Readonly<Record<string, (p: Record<string, string>) => RenderedMessage>> =
  { 'webhook-endpoint-disabled': disabledNoticeMessage };

export const TEMPLATE_NAMES: readonly string[] = [
  ...ACCOUNT_TEMPLATES,
  ...Object.keys(PLATFORM_TEMPLATES),
];

export class UnknownTemplateError extends Error {}

const isAccountTemplate = (name: string): name is AccountTemplate =>
  (ACCOUNT_TEMPLATES as readonly string[]).includes(name);

export function renderTemplate(name: string, params: Record<string, string>): RenderedMessage {
  if (isAccountTemplate(name)) {
    const locale = localeOf(params.locale);
    return TEXTS[locale].templates[name](params, formatsIn(locale));
  }
  if (!Object.hasOwn(PLATFORM_TEMPLATES, name))
    throw new UnknownTemplateError(`Unknown message template "${name}"`);
  return PLATFORM_TEMPLATES[name]!(params);
}
