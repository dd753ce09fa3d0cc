/** What a person receives. SMS has no subject; keep it short. */
export interface RenderedMessage {
  subject: string;
  text: string;
}

type Template = (params: Record<string, string>) => RenderedMessage;

const TEMPLATES: Record<string, Template> = {
  'dashboard-ready': (p) => ({
    subject: `Your ${p.platformName ?? ''} dashboard is ready`.replace('  ', ' '),
    text: `Hi ${p.name ?? 'there'}, your dashboard is ready: ${p.url ?? ''}`.trim(),
  }),
  'login-code': (p) => ({
    subject: 'Your sign-in code',
    text: `${p.code ?? ''} is your sign-in code. It expires in ${p.minutes ?? '10'} minutes. Never share it.`,
  }),
  'confirm-contact': (p) => ({
    subject: 'Confirm your new contact details',
    text: `${p.code ?? ''} is your code to confirm this address for your dashboard. It expires in ${p.minutes ?? '10'} minutes. If you did not ask for it, ignore this message.`,
  }),
  'confirm-payout-details': (p) => ({
    subject: 'Confirm where your payouts go',
    text: `${p.code ?? ''} is your code to change the bank account or card your payouts go to. It expires in ${p.minutes ?? '10'} minutes. If you did not ask for it, someone may have your sign-in: do not share it.`,
  }),
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES);

export class UnknownTemplateError extends Error {}

export function renderTemplate(name: string, params: Record<string, string>): RenderedMessage {
  const template = TEMPLATES[name];
  if (!template) throw new UnknownTemplateError(`Unknown message template "${name}"`);
  return template(params);
}
