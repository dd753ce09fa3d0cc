import type { Messages } from '../messages.js';

const ja: Messages = {
  payments: {
    title: '支払い',
    search: '支払いを検索',
    searchHint: '顧客のメールアドレスまたは金額',
    find: '検索',
    loadFailed: '支払いを読み込めませんでした。',
    empty: 'まだ支払いはありません。顧客が支払うとすぐにここに表示されます。',
    noMatch: '検索に一致する支払いはありません。',
    more: 'さらに表示',
    back: 'すべての支払い',
    notFound: 'この支払いは存在しないか、お客様のものではありません。',
    status: {
      succeeded: '成功',
      pending: '保留中',
      failed: '失敗',
      refunded: '返金済み',
      partially_refunded: '一部返金済み',
      disputed: '不審請求あり',
    },
    breakdown: '内訳',
    amount: '金額',
    processingFee: '決済手数料',
    platformFee: 'プラットフォーム手数料',
    refunded: '返金済み',
    net: '純額',
    customer: '顧客',
    name: '名前',
    email: 'メールアドレス',
    card: 'カード',
    timeline: 'タイムライン',
    events: {
      succeeded: '{amount} の支払いが成功しました',
      failed: '{amount} の支払いが失敗しました',
      pending: '{amount} の支払いが開始されました',
      refunded: '{amount} を返金しました',
      disputed: '不審請求が申し立てられました',
    },
    refund: '返金…',
    refundTitle: 'この支払いを返金しますか？',
    refundAmount: '返金額',
    refundable: '最大 {amount} まで返金できます。',
    refundConsequence:
      '{amount} が {customer} に返金されます。この操作は取り消せません。手数料は返還されません。',
    theCustomer: '顧客',
    refundConfirm: '返金する',
    refunding: '返金中…',
    refundDone: '返金しました。顧客には 5～10 営業日で返金が反映されます。',
    refundReasons: {
      BAD_AMOUNT: '金額は 12.50 のように入力してください。',
      REFUND_EXCEEDS_CHARGE: '返金できる金額を超えています。上限は {amount} です。',
      ALREADY_REFUNDED: 'この支払いはすでに全額返金されています。',
      CHARGE_DISPUTED:
        'この支払いには不審請求が申し立てられているため、返金できません。資金の行き先はカードネットワークが決定します。カード保有者からの問い合わせのみの場合は、全額を返金すると問い合わせが終了します。',
      NOT_REFUNDABLE: '返金できるのは成功した支払いのみです。',
      INSUFFICIENT_FUNDS:
        '現在、残高と準備金で返金できるのは最大 {fundable} までです。この支払いの資金はすでに残高から出金されています。返金するには準備金にチャージするか、プラットフォームに返金を依頼してください。',
      FEATURE_DISABLED: 'プラットフォームがダッシュボードからの返金を許可していません。',
      IDEMPOTENCY_KEY_REUSED:
        '送信中にこの返金の内容が変わりました。閉じてからもう一度お試しください。',
      UNKNOWN: '返金できませんでした。もう一度お試しください。',
    },
  },
};

export default ja;
