import type { Messages } from '../messages.js';

const ja: Messages = {
  transactions: {
    title: '取引',
    latest: '最近の取引',
    viewAll: 'すべて表示',
    export: 'CSV をエクスポート',
    typeFilter: '種類',
    types: {
      all: 'すべて',
      charge: '支払い',
      refund: '返金',
      transfer: '送金',
      payout: '入金',
      payout_failure: '失敗した入金',
      dispute: '不審請求',
      adjustment: '調整',
      application_fee: 'プラットフォーム手数料',
      topup: 'チャージ',
      payout_cancel: 'キャンセルされた入金',
      dispute_reversal: '勝訴した不審請求',
      topup_reversal: '失敗したチャージ',
      reserve_hold: 'リザーブの留保',
      reserve_release: 'リザーブの解放',
      recovery_debit: '口座引き落とし（マイナス残高）',
      recovery_debit_failure: '失敗した口座引き落とし',
      negative_balance_cover: 'プラットフォームによる補填',
    },
    currency: '通貨',
    allCurrencies: 'すべて',
    from: '開始日',
    to: '終了日',
    min: '最低金額',
    max: '最高金額',
    apply: '適用',
    badAmount: '金額は 12.50 のように数字で入力してください。',
    loadFailed: '取引を読み込めませんでした。',
    empty:
      '条件に一致する取引はありません。支払い、返金、送金、入金は発生するとここに表示されます。',
    more: 'さらに表示',
    availableOn: '{date} に利用可能',
    columns: {
      type: '種類',
      description: '説明',
      date: '日付',
      amount: '金額',
      net: '純額',
    },
  },
};

export default ja;
