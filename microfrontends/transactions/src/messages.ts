import type { AppMessages } from '@dash/web-kit';

/** English, the fallback, and Simplified Chinese ship with the app; see `messages` below. */
const shipped = {
  en: {
    transactions: {
      title: 'Transactions',
      latest: 'Latest transactions',
      viewAll: 'View all',
      export: 'Export CSV',
      typeFilter: 'Type',
      types: {
        all: 'All',
        charge: 'Payments',
        refund: 'Refunds',
        transfer: 'Transfers',
        payout: 'Payouts',
        payout_failure: 'Failed payouts',
        dispute: 'Disputes',
        adjustment: 'Adjustments',
        application_fee: 'Platform fees',
        topup: 'Top-ups',
      },
      currency: 'Currency',
      allCurrencies: 'All',
      from: 'From',
      to: 'To',
      min: 'Amount at least',
      max: 'Amount at most',
      apply: 'Apply',
      badAmount: 'Enter amounts as numbers, such as 12.50.',
      loadFailed: 'Your transactions could not be loaded.',
      empty:
        'No transactions match. Payments, refunds, transfers and payouts appear here as they happen.',
      more: 'Show more',
      availableOn: 'Available {date}',
      columns: {
        type: 'Type',
        description: 'Description',
        date: 'Date',
        amount: 'Amount',
        net: 'Net',
      },
    },
  },
  'zh-CN': {
    transactions: {
      title: '交易',
      latest: '最近交易',
      viewAll: '查看全部',
      export: '导出 CSV',
      typeFilter: '类型',
      types: {
        all: '全部',
        charge: '付款',
        refund: '退款',
        transfer: '转账',
        payout: '提现',
        payout_failure: '提现失败',
        dispute: '争议',
        adjustment: '调整',
        application_fee: '平台费用',
        topup: '充值',
      },
      currency: '币种',
      allCurrencies: '全部',
      from: '开始日期',
      to: '结束日期',
      min: '最低金额',
      max: '最高金额',
      apply: '应用',
      badAmount: '请输入数字金额，例如 12.50。',
      loadFailed: '无法加载您的交易。',
      empty: '没有符合条件的交易。付款、退款、转账和提现发生后会显示在这里。',
      more: '显示更多',
      availableOn: '{date} 可用',
      columns: { type: '类型', description: '描述', date: '日期', amount: '金额', net: '净额' },
    },
  },
};

export type Messages = (typeof shipped)['en'];

/** The other languages are fetched only by those who choose them, each a chunk of its own. */
export const messages: AppMessages<Messages> = {
  ...shipped,
  ja: () => import('./messages/ja.js'),
  de: () => import('./messages/de.js'),
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
};
