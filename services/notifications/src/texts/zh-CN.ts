import { taxFormName } from '../activity/formats.rules.js';
import {
  emailOfItem,
  interventionOfParams,
  recoveryOfParams,
  type InterventionChange,
} from '../risk/risk-facts.rules.js';
import type { Texts } from './texts.js';

const code = (p: Record<string, string>, purpose: string, warning: string) =>
  `${p.code ?? ''} 是${purpose}的验证码，${p.minutes ?? '10'} 分钟内有效。${warning}`;
const notYours = '如非本人操作，可能有人掌握了您的登录信息：请勿告诉他人。';
const who = (by: string) => (by === 'platform' ? '您的平台' : '您');

/** Why the risk settings stepped in, by the signal that asked for it. */
const SIGNAL_WHY: Readonly<Record<string, string>> = {
  dispute_rate: '您近期有较多付款被持卡人争议。',
  refund_rate: '您近期有较多付款被退款。',
  volume_change: '您的销售额增长远快于平时。',
  payout_failures: '有多笔提现被您的银行退回。',
  negative_balance: '您的余额已为负数一段时间。',
};
const why = (c: InterventionChange) =>
  c.source === 'platform'
    ? `您的平台说明：“${c.reason}”`
    : (SIGNAL_WHY[c.signal ?? ''] ?? '您的平台正在审核您的账户。');
/** What lifts an intervention, by how the account resolves it. */
const LIFTS: Readonly<Record<InterventionChange['resolution'], string>> = {
  upload_document: '请在控制台上传身份证件：证件核实后即可解除。',
  confirm: '请在控制台确认您的信息以解除此限制。',
  answer: '请在控制台回答平台的问题以解除此限制。',
  none: '平台审核完成后会解除此限制。',
};
const LIFTED: Readonly<Record<InterventionChange['kind'], string>> = {
  pause_payouts: '提现暂停已解除',
  rolling_reserve: '滚动保证金已解除',
  require_document: '身份证件要求已解除',
  require_information: '信息要求已解除',
  disable_charges: '收款暂停已解除',
};
const LIFTED_BY = {
  account: '您已完成处理。',
  platform: '您的平台已解除此限制。',
  automatic: '您的账户活动已恢复正常。',
};

const zhCN: Texts = {
  templates: {
    'dashboard-ready': (p) => ({
      subject: `您的 ${p.platformName ?? ''} 控制台已就绪`.replace('  ', ' '),
      text: `${p.name ?? '您好'}，您的控制台已就绪：${p.url ?? ''}`.trim(),
    }),
    'login-code': (p) => ({
      subject: '您的登录验证码',
      text: `${p.code ?? ''} 是您的登录验证码，${p.minutes ?? '10'} 分钟内有效。请勿告诉他人。`,
    }),
    'confirm-contact': (p) => ({
      subject: '确认您的新联系方式',
      text: code(p, '确认此联系方式', '如非本人操作，请忽略本消息。'),
    }),
    'confirm-payout-details': (p) => ({
      subject: '确认提现账户变更',
      text: code(p, '更改提现银行账户或银行卡', notYours),
    }),
    'confirm-account-details': (p) => ({
      subject: '确认更改身份信息',
      text: code(p, '更改您的法定姓名、出生日期、证件号码、地址或公司信息', notYours),
    }),
    'confirm-account-close': (p) => ({
      subject: '确认关闭账户',
      text: code(
        p,
        '永久关闭您控制台账户',
        '如非本人操作，可能有人掌握了您的登录信息：请勿告诉他人，并立即联系您的平台。',
      ),
    }),
    'confirm-tax-info': (p) => ({
      subject: '确认更改税务信息',
      text: code(p, '更改您的税务信息（纳税人识别号、法定名称、地址）', notYours),
    }),
    'approve-contact-change': (p) => ({
      subject: '批准更改联系方式',
      text: code(p, '批准更改您控制台邮箱或手机号', notYours),
    }),
    'contact-changed': (p, f) => ({
      subject: p.what === 'phone' ? '您的手机号已更改' : '您的邮箱已更改',
      text: `您控制台的${p.what === 'phone' ? '手机号' : '邮箱'}已于 ${f.moment(p.at)} ${p.by === 'platform' ? '由您的平台' : ''}更改（${p.by === 'platform' ? '通过平台接口' : `设备：${p.device || '未知'}，地址：${p.address || '未知'}`}）。72 小时内无法更改提现账户。如非本人操作，请立即联系您的平台。`,
    }),
    'payout-failed': (p) => ({
      subject: '一笔提现失败了',
      text: `${p.amount ?? ''} 的提现被银行退回（${p.destination ?? ''}），资金已退回您的余额。请在控制台检查您的银行账户信息：${p.url ?? ''}`,
    }),
    'dispute-opened': (p) => ({
      subject: '一笔付款被争议',
      text: `持卡人对 ${p.amount ?? ''} 的付款提出了争议。请在 ${p.dueBy ?? ''} 前在控制台回复：${p.url ?? ''}`,
    }),
    'requirements-due': (p) => ({
      subject: '您的平台需要更多信息',
      text: `请在 ${p.deadline ?? ''} 前补充以下账户信息：${p.fields ?? ''}，以免暂停收款和提现。在控制台补充：${p.url ?? ''}`,
    }),
    'tax-form-ready': (p) => {
      const corrected = p.corrected === 'true' ? '更正版' : '';
      return {
        subject: `您的 ${p.year ?? ''} 年${corrected} ${p.form ?? ''} 表已就绪`,
        text: `您的 ${p.year ?? ''} 年${corrected}税表 ${p.form ?? ''} 已可在控制台下载：${p.url ?? ''} 您同意以电子方式接收税表；如需纸质副本或撤回同意，请在控制台的“税表”页面操作，或联系您的平台。`,
      };
    },
    // A risk intervention and a bank debit say by email what their activity items say.
    'risk-intervention': (p, f) => {
      const { change, inForce } = interventionOfParams(p);
      return emailOfItem(zhCN.intervention(change, inForce, f), zhCN.email.open, p.url);
    },
    'recovery-debit': (p, f) =>
      emailOfItem(
        zhCN.activity['recovery_debit.updated'](recoveryOfParams(p), f),
        zhCN.email.open,
        p.url,
      ),
  },
  email: {
    open: '打开控制台',
    dashboard: '控制台',
    questions: (platform) => `有疑问？请联系 ${platform}：`,
    sentBy: (platform) => `此邮件由 ${platform} 发送，与您的账户有关。`,
  },
  activity: {
    'account.closed': () => ({ title: '账户已关闭', body: '此账户已关闭。' }),
    'tax_form.available': (p) => ({
      title: `您的 ${p.taxYear} 年${p.corrected ? '更正版' : ''} ${taxFormName(p.formType)} 表已就绪`,
      body: '请在控制台的“税表”页面下载。',
    }),
    'charge.refunded': (p, f) => ({
      title: '退款已发出',
      body: `${f.money(p.amount, p.currency)} 已退还给顾客${p.requestedBy === 'platform' ? '（由您的平台退款）' : ''}。`,
    }),
    'payout.created': (p, f) => ({
      title: '提现已发起',
      body: `${f.money(p.amount, p.currency)} 正在${p.method === 'instant' ? '即时' : ''}转至 ${p.destination}。`,
    }),
    'payout.upcoming': (p, f) => ({
      title: '即将到账的提现',
      body: `${f.money(p.amount, p.currency)} 正在转至 ${p.destination}，预计 ${f.day(p.arrivalDate)} 到账。`,
    }),
    'payout.paid': (p, f) => ({
      title: '提现已到账',
      body: `${f.money(p.amount, p.currency)} 已到达 ${p.destination}。`,
    }),
    'payout.failed': (p, f) => ({
      title: '提现失败',
      body: `转至 ${p.destination} 的 ${f.money(p.amount, p.currency)} 被退回：${p.failureMessage} 资金已退回您的余额，请检查您的银行信息。`,
    }),
    'payout.canceled': (p, f) => ({
      title: '提现已取消',
      body: `${f.money(p.amount, p.currency)} 已退回您的余额。`,
    }),
    'external_account.updated': (p) => {
      const thing = p.kind === 'card' ? '借记卡' : '银行账户';
      const currency = p.currency.toUpperCase();
      const notYou = '如非本人操作，请立即联系您的平台。';
      switch (p.change) {
        case 'default_changed':
          return {
            title: `${currency} 的默认${thing}已更改`,
            body: `${currency} 提现现在将转入尾号 ${p.last4} 的${thing}（由${who(p.by)}设置）。${notYou}`,
          };
        case 'removed':
          return {
            title: `已移除提现${thing}`,
            body: `${who(p.by)}移除了尾号 ${p.last4} 的${thing}（${currency}）。${notYou}`,
          };
        case 'updated':
          return {
            title: `已重新添加提现${thing}`,
            body: `${who(p.by)}重新添加了尾号 ${p.last4} 的${thing}（${currency}），提现将再次转入该账户。`,
          };
        case 'errored':
          return {
            title: `需要处理：尾号 ${p.last4} 的${thing}`,
            body: `一笔转至该账户的提现被退回：${p.failureMessage ?? '银行拒绝了它。'} 请更换它，或在银行修复后重新添加。`,
          };
        default:
          return {
            title: p.kind === 'card' ? '提现借记卡已更改' : '提现银行账户已更改',
            body: `${who(p.by)}${p.change === 'replaced' ? '更换' : '添加'}了尾号 ${p.last4} 的${thing}（${currency}）。${notYou}`,
          };
      }
    },
    'payout_schedule.updated': (p, f) => {
      const when = {
        daily: '每天',
        weekly: `每${f.weekday(p.weeklyAnchor)}`,
        monthly: `每月 ${p.monthlyAnchor} 日`,
        manual: '手动（仅在发起时提现）',
      }[p.interval];
      return { title: '提现计划已更改', body: `${who(p.by)}将提现计划设为${when}。` };
    },
    'dispute.created': (p, f) => ({
      title: p.status.startsWith('warning_') ? '持卡人询问了一笔付款' : '一笔付款被争议',
      body: `${p.chargeId} 的 ${f.money(p.amount, p.currency)}。请在 ${f.day(p.evidenceDueBy)} 前回复。`,
    }),
    'dispute.funds_withdrawn': (p, f) => ({
      title: '争议：资金已扣除',
      body: `争议处理期间，已从您的余额中扣除 ${f.money(p.amount, p.currency)} 及 ${f.money(p.fee, p.currency)} 争议费。`,
    }),
    'dispute.updated': () => ({ title: '争议证据已提交', body: '卡组织正在审核您的证据。' }),
    'dispute.closed': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      if (p.status === 'won')
        return { title: '您赢得了一笔争议', body: `${amount} 将退回您的余额。` };
      if (p.status === 'lost')
        return { title: '您输掉了一笔争议', body: `${amount} 归持卡人所有。` };
      return { title: '询问已结束', body: '没有资金变动。' };
    },
    'dispute.funds_reinstated': (p, f) => ({
      title: '争议：资金已退回',
      body: `${f.money(p.amount, p.currency)} 已退回您的余额。`,
    }),
    'recovery_debit.updated': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      const bank = p.destination || '您的银行账户';
      switch (p.status) {
        case 'pending':
          return {
            title: '正在追回负余额',
            body: `我们正从 ${bank} 扣款 ${amount}，以补足您的负余额。${p.attempt > 1 ? `第 ${p.attempt} 次尝试。` : ''}`,
          };
        case 'succeeded':
          return {
            title: '负余额已补足',
            body: `已从 ${bank} 扣款 ${amount}：您的余额不再为负。`,
          };
        case 'retrying':
          return {
            title: '银行扣款失败',
            body: `从 ${bank} 扣款 ${amount} 失败：${p.failureMessage ?? '银行拒绝了扣款。'}我们将于 ${f.day(p.nextAttemptAt)} 再次尝试；您也可以在控制台充值，尽早结清。`,
          };
        default:
          return {
            title: '负余额未能追回',
            body: `我们无法从 ${bank} 扣款 ${amount}${p.failureMessage ? `：${p.failureMessage}` : '。'}您的平台已垫付您欠下的金额，可能会就此联系您。`,
          };
      }
    },
  },
  detailsChanged: (by, fields) => ({
    title: '账户信息已更新',
    body: `${by === 'platform' ? '您的平台更改了' : '您更改了'}：${fields}。`,
  }),
  requirements: (state, fields, f) => {
    if (state.currentlyDue.length > 0)
      return {
        title: state.payoutsEnabled ? '需要更多信息' : '提现已暂停',
        body: `请提供${fields}以恢复提现。${
          state.chargesEnabled && state.currentDeadline
            ? `在 ${f.day(state.currentDeadline)} 前您仍可收款，余额会继续增长。`
            : state.chargesEnabled
              ? '您的余额会继续增长。'
              : '收款也已暂停。'
        }`,
      };
    if (state.pendingVerification.length > 0)
      return { title: '正在核实您的信息', body: '核实完成后即可开始提现。' };
    return {
      title: '账户已验证',
      body: state.payoutsEnabled ? '收款和提现已开启。' : '收款已开启。',
    };
  },
  intervention: (c, inForce) => {
    if (c.action === 'placed') {
      const percent = c.reservePercent ?? 0;
      const days = c.reserveDays ?? 0;
      const then = `${why(c)}${c.kind === 'disable_charges' ? '您暂时无法收款，提现也已暂停。' : '提现已暂停；您仍可收款。'}${LIFTS[c.resolution]}`;
      switch (c.kind) {
        case 'rolling_reserve':
          return {
            title: `滚动保证金：${percent}%，为期 ${days} 天`,
            body: `${why(c)}每笔付款的 ${percent}% 将被预留 ${days} 天，之后计入您的余额。提现照常进行；平台审核完成后会解除保证金。`,
          };
        case 'disable_charges':
          return { title: '收款和提现已暂停', body: then };
        case 'require_document':
          return { title: '提现已暂停：需要身份证件', body: then };
        case 'require_information':
          return {
            title:
              c.resolution === 'answer'
                ? '提现已暂停：请回答一个问题'
                : '提现已暂停：请确认您的信息',
            body: then,
          };
        default:
          return { title: '提现已暂停', body: then };
      }
    }
    const by = LIFTED_BY[c.liftedBy ?? 'platform'];
    if (c.kind === 'rolling_reserve')
      return {
        title: LIFTED[c.kind],
        body: `${by}新的付款不再被预留；已预留的款项仍按计划计入您的余额。`,
      };
    const charges =
      c.kind === 'disable_charges' && !inForce?.chargesDisabled ? '您可以重新收款。' : '';
    const payouts = inForce?.payoutsPaused ? '另一项审核尚未结束，提现仍暂停。' : '提现已恢复。';
    return { title: LIFTED[c.kind], body: `${by}${charges}${payouts}` };
  },
  fields: {
    email: '邮箱',
    phone: '手机号',
    displayName: '账户名称',
    statementDescriptor: '账单描述',
    defaultCurrency: '默认币种',
    businessType: '业务类型',
    'businessProfile.name': '商户名称',
    'businessProfile.url': '网站',
    'businessProfile.supportEmail': '客服邮箱',
    'businessProfile.supportPhone': '客服电话',
    'businessProfile.supportAddress': '客服地址',
    external_account: '银行账户',
    tos_acceptance: '服务协议的接受',
    'business_profile.product_description': '销售的产品或服务',
    'person.legal_name': '法定姓名',
    'person.dob': '出生日期',
    'person.id_number': '证件号码',
    'person.address': '地址',
    'person.title': '职位',
    'person.verification.document': '身份证件',
    'company.name': '公司名称',
    'company.tax_id': '税号',
    'company.phone': '公司电话',
    'company.address': '公司地址',
    'company.verification.document': '公司证明文件',
    owners: '所有者',
  },
};

export default zhCN;
