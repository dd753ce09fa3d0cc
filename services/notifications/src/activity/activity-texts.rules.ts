import type { DomainEventData, RequirementsSummary, SubscribedType } from '@dash/events';
import { day, money, type Locale } from './formats.rules.js';

/** The events the activity hub shows, each an item of that kind. */
/**
 * What the hub shows: every event notifications hears of but those only platforms are told of
 * (a charge is already in the payments list; the balance card shows what became available) and
 * a platform's own changes (its branding, kept for emails).
 */
export type ActivityKind = Exclude<
  SubscribedType<'notifications'>,
  'charge.succeeded' | 'charge.failed' | 'balance.available' | 'platform.updated'
>;

/** What an item keeps of its event: the facts its texts are made from, in any language. */
export type ActivityParams = DomainEventData[ActivityKind];

export interface ActivityText {
  title: string;
  body: string;
}

/** How a changed field reads in the activity hub. */
const FIELD_LABELS: Record<string, { en: string; zh: string }> = {
  email: { en: 'email address', zh: '邮箱' },
  phone: { en: 'phone number', zh: '手机号' },
  displayName: { en: 'account name', zh: '账户名称' },
  statementDescriptor: { en: 'statement descriptor', zh: '账单描述' },
  defaultCurrency: { en: 'default currency', zh: '默认币种' },
  businessType: { en: 'business type', zh: '业务类型' },
  'businessProfile.name': { en: 'business name', zh: '商户名称' },
  'businessProfile.url': { en: 'website', zh: '网站' },
  'businessProfile.supportEmail': { en: 'support email', zh: '客服邮箱' },
  'businessProfile.supportPhone': { en: 'support phone', zh: '客服电话' },
  'businessProfile.supportAddress': { en: 'support address', zh: '客服地址' },
  external_account: { en: 'a bank account', zh: '银行账户' },
  'tos_acceptance.date': { en: 'acceptance of the services agreement', zh: '服务协议的接受' },
  'tos_acceptance.ip': { en: 'acceptance of the services agreement', zh: '服务协议的接受' },
};

/** A requirement key read aloud: individual.id_number → "id number". */
const humanize = (key: string) => key.split('.').pop()!.replace(/_/g, ' ');

/** The fields named once each, in the reader's language. */
export const describeFields = (fields: string[], locale: Locale = 'en') => {
  const zh = locale === 'zh-CN';
  const labels = fields.map((field) => {
    const label = FIELD_LABELS[field];
    return label ? (zh ? label.zh : label.en) : humanize(field);
  });
  return [...new Set(labels)].join(zh ? '、' : ', ');
};

/**
 * What a change to the requirements means for an onboarded account: something to provide (and
 * why money stopped: payouts pause at once, payments at the deadline), a check under way, or
 * everything in order.
 */
function requirementsText(state: RequirementsSummary, locale: Locale): ActivityText {
  const zh = locale === 'zh-CN';
  if (state.currentlyDue.length > 0) {
    const fields = describeFields(state.currentlyDue, locale);
    const deadline = day(state.currentDeadline, locale);
    if (zh)
      return {
        title: state.payoutsEnabled ? '需要更多信息' : '提现已暂停',
        body: `请提供${fields}以恢复提现。${
          state.chargesEnabled && state.currentDeadline
            ? `在 ${deadline} 前您仍可收款，余额会继续增长。`
            : state.chargesEnabled
              ? '您的余额会继续增长。'
              : '收款也已暂停。'
        }`,
      };
    return {
      title: state.payoutsEnabled ? 'More information needed' : 'Payouts are paused',
      body: `Provide ${fields} to turn payouts back on.${
        state.chargesEnabled && state.currentDeadline
          ? ` You can take payments until ${deadline}; your balance keeps growing meanwhile.`
          : state.chargesEnabled
            ? ' Your balance keeps growing meanwhile.'
            : ' Payments are paused too.'
      }`,
    };
  }
  if (state.pendingVerification.length > 0)
    return zh
      ? { title: '正在核实您的信息', body: '核实完成后即可开始提现。' }
      : { title: 'Verifying your details', body: 'Payouts start once the check is done.' };
  if (zh)
    return {
      title: '账户已验证',
      body: state.payoutsEnabled ? '收款和提现已开启。' : '收款已开启。',
    };
  return {
    title: 'Account verified',
    body: state.payoutsEnabled ? 'Charges and payouts are on.' : 'Charges are on.',
  };
}

type Texts = {
  [Kind in ActivityKind]: (data: DomainEventData[Kind], locale: Locale) => ActivityText;
};

/**
 * Every kind of activity item in English and Chinese, as the emails' templates are: made when
 * the item is read, in the reader's language, from the facts it keeps.
 */
const TEXTS: Texts = {
  // An item either names changed details, or (with `requirements`) what identity now asks for.
  'account.updated': (p, locale) => {
    if (p.requirements) return requirementsText(p.requirements, locale);
    const fields = describeFields(p.fields, locale);
    return locale === 'zh-CN'
      ? {
          title: '账户信息已更新',
          body: `${p.by === 'platform' ? '您的平台更改了' : '您更改了'}：${fields}。`,
        }
      : {
          title: 'Account details updated',
          body: `${p.by === 'platform' ? 'Your platform changed' : 'You changed'}: ${fields}.`,
        };
  },
  'account.closed': (_p, locale) =>
    locale === 'zh-CN'
      ? { title: '账户已关闭', body: '此账户已关闭。' }
      : { title: 'Account closed', body: 'This account was closed.' },
  'charge.refunded': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '退款已发出',
          body: `${money(p.amount, p.currency, locale)} 已退还给顾客${p.requestedBy === 'platform' ? '（由您的平台退款）' : ''}。`,
        }
      : {
          title: 'Refund sent',
          body: `${money(p.amount, p.currency)} went back to the customer${p.requestedBy === 'platform' ? ' (refunded by your platform)' : ''}.`,
        },
  'payout.created': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '提现已发起',
          body: `${money(p.amount, p.currency, locale)} 正在${p.method === 'instant' ? '即时' : ''}转至 ${p.destination}。`,
        }
      : {
          title: 'Payout started',
          body: `${money(p.amount, p.currency)} to ${p.destination}${p.method === 'instant' ? ', instantly' : ''}.`,
        },
  'payout.upcoming': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '即将到账的提现',
          body: `${money(p.amount, p.currency, locale)} 正在转至 ${p.destination}，预计 ${day(p.arrivalDate, locale)} 到账。`,
        }
      : {
          title: 'Upcoming payout',
          body: `${money(p.amount, p.currency)} is on its way to ${p.destination}, expected ${day(p.arrivalDate)}.`,
        },
  'payout.paid': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '提现已到账',
          body: `${money(p.amount, p.currency, locale)} 已到达 ${p.destination}。`,
        }
      : {
          title: 'Payout paid',
          body: `${money(p.amount, p.currency)} arrived at ${p.destination}.`,
        },
  'payout.failed': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '提现失败',
          body: `转至 ${p.destination} 的 ${money(p.amount, p.currency, locale)} 被退回：${p.failureMessage} 资金已退回您的余额，请检查您的银行信息。`,
        }
      : {
          title: 'Payout failed',
          body: `${money(p.amount, p.currency)} to ${p.destination} was returned: ${p.failureMessage} The money is back in your balance; check your bank details.`,
        },
  'payout.canceled': (p, locale) =>
    locale === 'zh-CN'
      ? { title: '提现已取消', body: `${money(p.amount, p.currency, locale)} 已退回您的余额。` }
      : {
          title: 'Payout canceled',
          body: `${money(p.amount, p.currency)} is back in your balance.`,
        },
  'external_account.updated': (p, locale) => {
    const card = p.kind === 'card';
    return locale === 'zh-CN'
      ? {
          title: card ? '提现借记卡已更改' : '提现银行账户已更改',
          body: `${p.by === 'platform' ? '您的平台' : '您'}${p.change === 'replaced' ? '更换' : '添加'}了尾号 ${p.last4} 的${card ? '借记卡' : '银行账户'}（${p.currency.toUpperCase()}）。如非本人操作，请立即联系您的平台。`,
        }
      : {
          title: card ? 'Debit card for payouts changed' : 'Bank account for payouts changed',
          body: `${p.by === 'platform' ? 'Your platform' : 'You'} ${p.change === 'replaced' ? 'replaced' : 'added'} the ${card ? 'card' : 'bank account'} ending ${p.last4} (${p.currency.toUpperCase()}). If this was not you, contact your platform now.`,
        };
  },
  'dispute.created': (p, locale) => {
    const inquiry = p.status.startsWith('warning_');
    return locale === 'zh-CN'
      ? {
          title: inquiry ? '持卡人询问了一笔付款' : '一笔付款被争议',
          body: `${p.chargeId} 的 ${money(p.amount, p.currency, locale)}。请在 ${day(p.evidenceDueBy, locale)} 前回复。`,
        }
      : {
          title: inquiry ? 'A cardholder asked about a payment' : 'A payment was disputed',
          body: `${money(p.amount, p.currency)} for ${p.chargeId}. Respond by ${day(p.evidenceDueBy)}.`,
        };
  },
  'dispute.funds_withdrawn': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '争议：资金已扣除',
          body: `争议处理期间，已从您的余额中扣除 ${money(p.amount, p.currency, locale)} 及 ${money(p.fee, p.currency, locale)} 争议费。`,
        }
      : {
          title: 'Dispute: funds withdrawn',
          body: `${money(p.amount, p.currency)} and a ${money(p.fee, p.currency)} dispute fee were taken from your balance while the dispute is open.`,
        },
  'dispute.updated': (_p, locale) =>
    locale === 'zh-CN'
      ? { title: '争议证据已提交', body: '卡组织正在审核您的证据。' }
      : {
          title: 'Dispute evidence submitted',
          body: 'The card network is reviewing your evidence.',
        },
  'dispute.closed': (p, locale) => {
    const amount = money(p.amount, p.currency, locale);
    if (locale === 'zh-CN')
      return p.status === 'won'
        ? { title: '您赢得了一笔争议', body: `${amount} 将退回您的余额。` }
        : p.status === 'lost'
          ? { title: '您输掉了一笔争议', body: `${amount} 归持卡人所有。` }
          : { title: '询问已结束', body: '没有资金变动。' };
    return p.status === 'won'
      ? { title: 'You won a dispute', body: `${amount} comes back to your balance.` }
      : p.status === 'lost'
        ? { title: 'You lost a dispute', body: `${amount} stays with the cardholder.` }
        : { title: 'Inquiry closed', body: 'No money moved.' };
  },
  'dispute.funds_reinstated': (p, locale) =>
    locale === 'zh-CN'
      ? {
          title: '争议：资金已退回',
          body: `${money(p.amount, p.currency, locale)} 已退回您的余额。`,
        }
      : {
          title: 'Dispute: funds returned',
          body: `${money(p.amount, p.currency)} is back in your balance.`,
        },
};

/** The texts of an item of `kind` with `params`, in `locale`. */
export const activityText = <Kind extends ActivityKind>(
  kind: Kind,
  params: DomainEventData[Kind],
  locale: Locale,
): ActivityText => TEXTS[kind](params, locale);

/**
 * An item as the reader reads it: rendered from its facts in the reader's language, or as it
 * was written (in English) when it was kept before items kept their facts.
 */
export function readActivity(
  item: { kind: string; params: ActivityParams | null; title: string; body: string },
  locale: Locale,
): ActivityText {
  if (!item.params || !(item.kind in TEXTS)) return { title: item.title, body: item.body };
  return activityText(item.kind as ActivityKind, item.params as never, locale);
}
