/**
 * What a person receives, in the account's language (params.locale: en or zh-CN). SMS has no
 * subject; keep it short. An email to an account also gets an HTML part (`html`, see
 * EmailComposer); the text is always there, for clients that show text only.
 */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

type Template = (params: Record<string, string>) => RenderedMessage;

const TEMPLATES: Record<string, Template> = {
  'dashboard-ready': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: `您的 ${p.platformName ?? ''} 控制台已就绪`.replace('  ', ' '),
          text: `${p.name ?? '您好'}，您的控制台已就绪：${p.url ?? ''}`.trim(),
        }
      : {
          subject: `Your ${p.platformName ?? ''} dashboard is ready`.replace('  ', ' '),
          text: `Hi ${p.name ?? 'there'}, your dashboard is ready: ${p.url ?? ''}`.trim(),
        },
  'login-code': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '您的登录验证码',
          text: `${p.code ?? ''} 是您的登录验证码，${p.minutes ?? '10'} 分钟内有效。请勿告诉他人。`,
        }
      : {
          subject: 'Your sign-in code',
          text: `${p.code ?? ''} is your sign-in code. It expires in ${p.minutes ?? '10'} minutes. Never share it.`,
        },
  'confirm-contact': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '确认您的新联系方式',
          text: `${p.code ?? ''} 是确认此联系方式的验证码，${p.minutes ?? '10'} 分钟内有效。如非本人操作，请忽略本消息。`,
        }
      : {
          subject: 'Confirm your new contact details',
          text: `${p.code ?? ''} is your code to confirm this address for your dashboard. It expires in ${p.minutes ?? '10'} minutes. If you did not ask for it, ignore this message.`,
        },
  'confirm-payout-details': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '确认提现账户变更',
          text: `${p.code ?? ''} 是更改提现银行账户或银行卡的验证码，${p.minutes ?? '10'} 分钟内有效。如非本人操作，可能有人掌握了您的登录信息：请勿告诉他人。`,
        }
      : {
          subject: 'Confirm where your payouts go',
          text: `${p.code ?? ''} is your code to change the bank account or card your payouts go to. It expires in ${p.minutes ?? '10'} minutes. If you did not ask for it, someone may have your sign-in: do not share it.`,
        },
  'confirm-account-close': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '确认关闭账户',
          text: `${p.code ?? ''} 是永久关闭您控制台账户的验证码，${p.minutes ?? '10'} 分钟内有效。如非本人操作，可能有人掌握了您的登录信息：请勿告诉他人，并立即联系您的平台。`,
        }
      : {
          subject: 'Confirm closing your account',
          text: `${p.code ?? ''} is your code to close your dashboard account for good. It expires in ${p.minutes ?? '10'} minutes. If you did not ask for it, someone may have your sign-in: do not share it, and contact your platform now.`,
        },
  'approve-contact-change': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '批准更改联系方式',
          text: `${p.code ?? ''} 是批准更改您控制台邮箱或手机号的验证码，${p.minutes ?? '10'} 分钟内有效。如非本人操作，可能有人掌握了您的登录信息：请勿告诉他人。`,
        }
      : {
          subject: 'Approve a change to your contact details',
          text: `${p.code ?? ''} is your code to approve changing the email or phone of your dashboard. It expires in ${p.minutes ?? '10'} minutes. If you did not ask for it, someone may have your sign-in: do not share it.`,
        },
  // To the contact that was replaced: what changed, when and from where, so a takeover is noticed.
  'contact-changed': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: p.what === 'phone' ? '您的手机号已更改' : '您的邮箱已更改',
          text: `您控制台的${p.what === 'phone' ? '手机号' : '邮箱'}已于 ${p.at ?? ''} ${p.by === 'platform' ? '由您的平台' : ''}更改（${p.by === 'platform' ? '通过平台接口' : `设备：${p.device || '未知'}，地址：${p.address || '未知'}`}）。72 小时内无法更改提现账户。如非本人操作，请立即联系您的平台。`,
        }
      : {
          subject: p.what === 'phone' ? 'Your phone number was changed' : 'Your email was changed',
          text: `The ${p.what === 'phone' ? 'phone number' : 'email'} of your dashboard was changed at ${p.at ?? ''} (${p.by === 'platform' ? 'by your platform, through its API' : `device: ${p.device || 'unknown'}, address: ${p.address || 'unknown'}`}). Payout details cannot be changed for 72 hours. If this was not you, contact your platform now.`,
        },
  // Activity that matters, by email.
  'payout-failed': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '一笔提现失败了',
          text: `${p.amount ?? ''} 的提现被银行退回（${p.destination ?? ''}），资金已退回您的余额。请在控制台检查您的银行账户信息：${p.url ?? ''}`,
        }
      : {
          subject: 'A payout failed',
          text: `Your payout of ${p.amount ?? ''} to ${p.destination ?? ''} was returned by the bank, and the money is back in your balance. Check your bank details in your dashboard: ${p.url ?? ''}`,
        },
  'dispute-opened': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '一笔付款被争议',
          text: `持卡人对 ${p.amount ?? ''} 的付款提出了争议。请在 ${p.dueBy ?? ''} 前在控制台回复：${p.url ?? ''}`,
        }
      : {
          subject: 'A payment was disputed',
          text: `A cardholder disputed a payment of ${p.amount ?? ''}. Respond in your dashboard by ${p.dueBy ?? ''}: ${p.url ?? ''}`,
        },
  'requirements-due': (p) =>
    p.locale === 'zh-CN'
      ? {
          subject: '您的平台需要更多信息',
          text: `请在 ${p.deadline ?? ''} 前补充 ${p.count ?? ''} 项账户信息，以免暂停收款和提现。在控制台补充：${p.url ?? ''}`,
        }
      : {
          subject: 'Your platform needs more information',
          text: `Provide ${p.fields ?? ''} by ${p.deadline ?? ''} to keep taking payments and receiving payouts. Add it in your dashboard: ${p.url ?? ''}`,
        },
  // To a platform's developers (its technical address), in English like the API it is about.
  'webhook-endpoint-disabled': (p) => ({
    subject: `Webhook endpoint ${p.endpointId ?? ''} was disabled`,
    text: [
      `Your ${p.livemode === 'true' ? 'live' : 'test'}-mode webhook endpoint ${p.endpointId ?? ''} (${p.endpointUrl ?? ''}) was disabled at ${p.disabledAt ?? ''}: every delivery to it has failed since ${p.failingSince ?? ''}.`,
      `The last attempt failed with: ${p.lastFailure || 'no answer'}.`,
      'Nothing is sent to it while it is disabled. The events it missed are listed by the `events` query, and resendWebhookEvent(event, endpoint) sends one again.',
      `Once it answers with a 2xx status again, enable it with a ${p.livemode === 'true' ? 'live' : 'test'}-mode API key:`,
      `mutation { updateWebhookEndpoint(id: "${p.endpointId ?? ''}", disabled: false) { id status } }`,
    ].join('\n\n'),
  }),
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES);

export class UnknownTemplateError extends Error {}

export function renderTemplate(name: string, params: Record<string, string>): RenderedMessage {
  const template = TEMPLATES[name];
  if (!template) throw new UnknownTemplateError(`Unknown message template "${name}"`);
  return template(params);
}
