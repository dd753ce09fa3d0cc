import { taxFormName } from '../activity/formats.rules.js';
import {
  emailOfItem,
  interventionOfParams,
  recoveryOfParams,
  type InterventionChange,
} from '../risk/risk-facts.rules.js';
import type { Texts } from './texts.js';

const code = (p: Record<string, string>, purpose: string, warning: string) =>
  `${p.code ?? ''} は${purpose}ためのコードです。有効期限は ${p.minutes ?? '10'} 分です。${warning}`;
const notYours =
  'お心当たりがない場合は、第三者がお客様のログイン情報を知っている可能性があります。このコードは誰にも教えないでください。';
const who = (by: string) => (by === 'platform' ? 'プラットフォーム' : 'お客様');
const thingOf = (kind: string) => (kind === 'card' ? 'デビットカード' : '銀行口座');

/** Why the risk settings stepped in, by the signal that asked for it. */
const SIGNAL_WHY: Readonly<Record<string, string>> = {
  dispute_rate: '最近の支払いで不審請求の申し立てが多く発生しています。',
  refund_rate: '最近の支払いで返金が多く発生しています。',
  volume_change: '売上が通常よりも大幅に急増しています。',
  payout_failures: '銀行への入金が複数回返却されました。',
  negative_balance: '残高がしばらくマイナスのままです。',
};
const why = (c: InterventionChange) =>
  c.source === 'platform'
    ? `プラットフォームからのメッセージ：「${c.reason}」`
    : (SIGNAL_WHY[c.signal ?? ''] ?? 'プラットフォームがアカウントを審査しています。');
/** What lifts an intervention, by how the account resolves it. */
const LIFTS: Readonly<Record<InterventionChange['resolution'], string>> = {
  upload_document:
    'ダッシュボードで本人確認書類をアップロードしてください。確認が済むと解除されます。',
  confirm: 'ダッシュボードで情報を確認すると解除されます。',
  answer: 'ダッシュボードでプラットフォームの質問に回答すると解除されます。',
  none: 'プラットフォームの審査が終わると解除されます。',
};
const LIFTED: Readonly<Record<InterventionChange['kind'], string>> = {
  pause_payouts: '入金の一時停止が解除されました',
  rolling_reserve: 'ローリングリザーブが解除されました',
  require_document: '本人確認書類の依頼が解除されました',
  require_information: '情報の依頼が解除されました',
  disable_charges: '決済の一時停止が解除されました',
};
const LIFTED_BY = {
  account: '対応が完了しました。',
  platform: 'プラットフォームが解除しました。',
  automatic: 'アカウントの状況が通常に戻りました。',
};

const ja: Texts = {
  templates: {
    'dashboard-ready': (p) => ({
      subject: `${p.platformName ? `${p.platformName} の` : ''}ダッシュボードの準備ができました`,
      text: `${p.name ? `${p.name} 様` : 'こんにちは'}、ダッシュボードの準備ができました：${p.url ?? ''}`.trim(),
    }),
    'login-code': (p) => ({
      subject: 'ログインコード',
      text: `${p.code ?? ''} はログインコードです。有効期限は ${p.minutes ?? '10'} 分です。このコードは誰にも教えないでください。`,
    }),
    'confirm-contact': (p) => ({
      subject: '新しい連絡先の確認',
      text: code(
        p,
        'ダッシュボードのこの連絡先を確認する',
        'お心当たりがない場合は、このメッセージを無視してください。',
      ),
    }),
    'confirm-payout-details': (p) => ({
      subject: '入金先の変更の確認',
      text: code(p, '入金先の銀行口座またはカードを変更する', notYours),
    }),
    'confirm-account-details': (p) => ({
      subject: 'ご登録情報の変更の確認',
      text: code(p, '氏名、生年月日、本人確認番号、住所、または会社情報を変更する', notYours),
    }),
    'confirm-account-close': (p) => ({
      subject: 'アカウント閉鎖の確認',
      text: code(
        p,
        'ダッシュボードのアカウントを完全に閉鎖する',
        'お心当たりがない場合は、第三者がお客様のログイン情報を知っている可能性があります。このコードは誰にも教えず、すぐにプラットフォームにご連絡ください。',
      ),
    }),
    'confirm-tax-info': (p) => ({
      subject: '税務情報の確認',
      text: code(p, '税務情報（納税者番号、正式名称、住所）を変更する', notYours),
    }),
    'approve-contact-change': (p) => ({
      subject: '連絡先の変更の承認',
      text: code(p, 'ダッシュボードのメールアドレスまたは電話番号の変更を承認する', notYours),
    }),
    'contact-changed': (p, f) => ({
      subject: p.what === 'phone' ? '電話番号が変更されました' : 'メールアドレスが変更されました',
      text: `ダッシュボードの${p.what === 'phone' ? '電話番号' : 'メールアドレス'}が ${f.moment(p.at)} に変更されました（${p.by === 'platform' ? 'プラットフォームが API で変更' : `端末：${p.device || '不明'}、アドレス：${p.address || '不明'}`}）。今後 72 時間は入金先を変更できません。お心当たりがない場合は、すぐにプラットフォームにご連絡ください。`,
    }),
    'payout-failed': (p) => ({
      subject: '入金に失敗しました',
      text: `${p.destination ?? ''} への ${p.amount ?? ''} の入金が銀行から返却され、資金は残高に戻りました。ダッシュボードで銀行口座の情報をご確認ください：${p.url ?? ''}`,
    }),
    'dispute-opened': (p) => ({
      subject: '支払いに不審請求が申し立てられました',
      text: `カード保有者が ${p.amount ?? ''} の支払いに異議を申し立てました。${p.dueBy ?? ''} までにダッシュボードで対応してください：${p.url ?? ''}`,
    }),
    'requirements-due': (p) => ({
      subject: 'プラットフォームが追加の情報を必要としています',
      text: `支払いの受け付けと入金の受け取りを続けるには、${p.deadline ?? ''} までに次の情報を追加してください：${p.fields ?? ''}。ダッシュボードで追加できます：${p.url ?? ''}`,
    }),
    'tax-form-ready': (p) => {
      const form = `${p.year ?? ''} 年分${p.corrected === 'true' ? 'の訂正版' : ''}の Form ${p.form ?? ''}`;
      return {
        subject: `${form}の準備ができました`,
        text: `${form}をダッシュボードからダウンロードできます：${p.url ?? ''} お客様は税務書類を電子的に受け取ることに同意されています。同意の撤回や紙の書類のご依頼は、ダッシュボードの「税務書類」から行うか、プラットフォームにご連絡ください。`,
      };
    },
    // A risk intervention and a bank debit say by email what their activity items say.
    'risk-intervention': (p, f) => {
      const { change, inForce } = interventionOfParams(p);
      return emailOfItem(ja.intervention(change, inForce, f), ja.email.open, p.url);
    },
    'recovery-debit': (p, f) =>
      emailOfItem(
        ja.activity['recovery_debit.updated'](recoveryOfParams(p), f),
        ja.email.open,
        p.url,
      ),
  },
  email: {
    open: 'ダッシュボードを開く',
    dashboard: 'ダッシュボード',
    questions: (platform) => `ご不明な点は ${platform} までお問い合わせください：`,
    sentBy: (platform) =>
      `このメールは、お客様のアカウントについて ${platform} からお送りしています。`,
  },
  activity: {
    'account.closed': () => ({
      title: 'アカウントが閉鎖されました',
      body: 'このアカウントは閉鎖されました。',
    }),
    'tax_form.available': (p) => ({
      title: `${p.taxYear} 年分${p.corrected ? 'の訂正版' : ''}の Form ${taxFormName(p.formType)} の準備ができました`,
      body: 'ダッシュボードの「税務書類」からダウンロードしてください。',
    }),
    'charge.refunded': (p, f) => ({
      title: '返金しました',
      body: `${f.money(p.amount, p.currency)} が顧客に返金されました${p.requestedBy === 'platform' ? '（プラットフォームによる返金）' : ''}。`,
    }),
    'payout.created': (p, f) => ({
      title: '入金を開始しました',
      body: `${f.money(p.amount, p.currency)} を ${p.destination} に${p.method === 'instant' ? '即時' : ''}送金しています。`,
    }),
    'payout.upcoming': (p, f) => ({
      title: 'まもなく入金されます',
      body: `${f.money(p.amount, p.currency)} を ${p.destination} に送金中です。着金予定日は ${f.day(p.arrivalDate)} です。`,
    }),
    'payout.paid': (p, f) => ({
      title: '入金が完了しました',
      body: `${f.money(p.amount, p.currency)} が ${p.destination} に着金しました。`,
    }),
    'payout.failed': (p, f) => ({
      title: '入金に失敗しました',
      body: `${p.destination} への ${f.money(p.amount, p.currency)} が返却されました：${p.failureMessage} 資金は残高に戻っています。銀行口座の情報をご確認ください。`,
    }),
    'payout.canceled': (p, f) => ({
      title: '入金がキャンセルされました',
      body: `${f.money(p.amount, p.currency)} が残高に戻りました。`,
    }),
    'external_account.updated': (p) => {
      const thing = thingOf(p.kind);
      const currency = p.currency.toUpperCase();
      const notYou = 'お心当たりがない場合は、すぐにプラットフォームにご連絡ください。';
      switch (p.change) {
        case 'default_changed':
          return {
            title: `${currency} のデフォルトの${thing}が変更されました`,
            body: `${currency} の入金は、末尾 ${p.last4} の${thing}に送金されるようになりました（${who(p.by)}が選択）。${notYou}`,
          };
        case 'removed':
          return {
            title: `${thing}が削除されました`,
            body: `${who(p.by)}が末尾 ${p.last4} の${thing}（${currency}）を削除しました。${notYou}`,
          };
        case 'updated':
          return {
            title: `${thing}が再度追加されました`,
            body: `${who(p.by)}が末尾 ${p.last4} の${thing}（${currency}）を再度追加しました。入金は再びこの${thing}に送金されます。`,
          };
        case 'errored':
          return {
            title: `対応が必要です：末尾 ${p.last4} の${thing}`,
            body: `この${thing}への入金が返却されました：${p.failureMessage ?? '銀行が受け付けませんでした。'} 別の${thing}に置き換えるか、銀行で問題が解決してから再度追加してください。`,
          };
        default:
          return {
            title: `入金先の${thing}が変更されました`,
            body: `${who(p.by)}が末尾 ${p.last4} の${thing}（${currency}）を${p.change === 'replaced' ? '置き換え' : '追加し'}ました。${notYou}`,
          };
      }
    },
    'payout_schedule.updated': (p, f) => {
      const when = {
        daily: '毎日',
        weekly: `毎週${f.weekday(p.weeklyAnchor)}`,
        monthly: `毎月 ${p.monthlyAnchor} 日`,
        manual: '手動（リクエストしたときのみ）',
      }[p.interval];
      return {
        title: '入金スケジュールが変更されました',
        body: `${who(p.by)}が入金スケジュールを「${when}」に設定しました。`,
      };
    },
    'dispute.created': (p, f) => ({
      title: p.status.startsWith('warning_')
        ? 'カード保有者から支払いについて問い合わせがありました'
        : '支払いに不審請求が申し立てられました',
      body: `${p.chargeId} の ${f.money(p.amount, p.currency)}。${f.day(p.evidenceDueBy)} までに対応してください。`,
    }),
    'dispute.funds_withdrawn': (p, f) => ({
      title: '不審請求：資金が差し引かれました',
      body: `不審請求の処理中、${f.money(p.amount, p.currency)} と不審請求の手数料 ${f.money(p.fee, p.currency)} が残高から差し引かれました。`,
    }),
    'dispute.updated': () => ({
      title: '不審請求の証拠書類を提出しました',
      body: 'カードネットワークが証拠書類を審査しています。',
    }),
    'dispute.closed': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      if (p.status === 'won')
        return { title: '不審請求に勝訴しました', body: `${amount} が残高に戻ります。` };
      if (p.status === 'lost')
        return {
          title: '不審請求に敗訴しました',
          body: `${amount} はカード保有者のものとなります。`,
        };
      return { title: '問い合わせが終了しました', body: '資金の移動はありません。' };
    },
    'dispute.funds_reinstated': (p, f) => ({
      title: '不審請求：資金が戻りました',
      body: `${f.money(p.amount, p.currency)} が残高に戻りました。`,
    }),
    'recovery_debit.updated': (p, f) => {
      const amount = f.money(p.amount, p.currency);
      const bank = p.destination || 'ご登録の銀行口座';
      switch (p.status) {
        case 'pending':
          return {
            title: 'マイナス残高を回収しています',
            body: `マイナス残高を補うため、${bank} から ${amount} を引き落としています。${p.attempt > 1 ? `${p.attempt} 回目の試行です。` : ''}`,
          };
        case 'succeeded':
          return {
            title: 'マイナス残高が解消されました',
            body: `${bank} から ${amount} を引き落としました。残高はマイナスではなくなりました。`,
          };
        case 'retrying':
          return {
            title: '口座からの引き落としに失敗しました',
            body: `${bank} からの ${amount} の引き落としに失敗しました：${p.failureMessage ?? '銀行に拒否されました。'}${f.day(p.nextAttemptAt)} に再試行します。早く精算するにはダッシュボードから入金してください。`,
          };
        default:
          return {
            title: 'マイナス残高を回収できませんでした',
            body: `${bank} から ${amount} を引き落とせませんでした${p.failureMessage ? `：${p.failureMessage}` : '。'}不足分はプラットフォームが補填しました。プラットフォームから連絡がある場合があります。`,
          };
      }
    },
  },
  detailsChanged: (by, fields) => ({
    title: 'アカウント情報が更新されました',
    body: `${who(by)}が次の情報を変更しました：${fields}。`,
  }),
  requirements: (state, fields, f) => {
    if (state.currentlyDue.length > 0)
      return {
        title: state.payoutsEnabled ? '追加の情報が必要です' : '入金が停止されています',
        body: `入金を再開するには、${fields}を提供してください。${
          state.chargesEnabled && state.currentDeadline
            ? `${f.day(state.currentDeadline)} までは支払いを受け付けられ、その間も残高は増え続けます。`
            : state.chargesEnabled
              ? 'その間も残高は増え続けます。'
              : '支払いの受け付けも停止されています。'
        }`,
      };
    if (state.pendingVerification.length > 0)
      return {
        title: 'ご登録情報を確認しています',
        body: '確認が完了すると入金が始まります。',
      };
    return {
      title: 'アカウントが確認されました',
      body: state.payoutsEnabled
        ? '支払いの受け付けと入金が有効になりました。'
        : '支払いの受け付けが有効になりました。',
    };
  },
  intervention: (c, inForce) => {
    if (c.action === 'placed') {
      const percent = c.reservePercent ?? 0;
      const days = c.reserveDays ?? 0;
      const then = `${why(c)}${c.kind === 'disable_charges' ? '決済を受け付けられず、入金も保留されます。' : '入金は保留されますが、決済は引き続き受け付けられます。'}${LIFTS[c.resolution]}`;
      switch (c.kind) {
        case 'rolling_reserve':
          return {
            title: `${days} 日間・${percent}% のローリングリザーブ`,
            body: `${why(c)}各支払いの ${percent}% が ${days} 日間留保され、その後残高に加算されます。入金は通常どおり行われます。プラットフォームの審査が終わるとリザーブは解除されます。`,
          };
        case 'disable_charges':
          return { title: '決済と入金が一時停止されました', body: then };
        case 'require_document':
          return { title: '入金の一時停止：本人確認書類が必要です', body: then };
        case 'require_information':
          return {
            title:
              c.resolution === 'answer'
                ? '入金の一時停止：質問への回答が必要です'
                : '入金の一時停止：情報の確認が必要です',
            body: then,
          };
        default:
          return { title: '入金が一時停止されました', body: then };
      }
    }
    const by = LIFTED_BY[c.liftedBy ?? 'platform'];
    if (c.kind === 'rolling_reserve')
      return {
        title: LIFTED[c.kind],
        body: `${by}新しい支払いは留保されなくなりました。留保中の金額は予定どおり残高に加算されます。`,
      };
    const charges =
      c.kind === 'disable_charges' && !inForce?.chargesDisabled
        ? '決済を再び受け付けられます。'
        : '';
    const payouts = inForce?.payoutsPaused
      ? '別の審査が続いているため、入金は引き続き保留されます。'
      : '入金が再開されます。';
    return { title: LIFTED[c.kind], body: `${by}${charges}${payouts}` };
  },
  fields: {
    email: 'メールアドレス',
    phone: '電話番号',
    displayName: 'アカウント名',
    statementDescriptor: '明細書表記',
    defaultCurrency: 'デフォルトの通貨',
    businessType: '事業形態',
    'businessProfile.name': '事業名',
    'businessProfile.url': 'ウェブサイト',
    'businessProfile.supportEmail': 'サポート用メールアドレス',
    'businessProfile.supportPhone': 'サポート用電話番号',
    'businessProfile.supportAddress': 'サポート用住所',
    external_account: '銀行口座',
    tos_acceptance: 'サービス契約への同意',
    'business_profile.product_description': '販売している商品やサービス',
    'person.legal_name': '氏名',
    'person.dob': '生年月日',
    'person.id_number': '本人確認番号',
    'person.address': '住所',
    'person.title': '役職',
    'person.verification.document': '本人確認書類',
    'company.name': '会社名',
    'company.tax_id': '法人番号',
    'company.phone': '会社の電話番号',
    'company.address': '会社の住所',
    'company.verification.document': '会社の確認書類',
    owners: '所有者',
  },
};

export default ja;
