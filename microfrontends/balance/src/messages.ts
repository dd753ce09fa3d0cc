export const messages = {
  en: {
    balance: {
      title: 'Balance',
      total: 'Total balance',
      available: 'Available to pay out',
      pending: 'Available soon',
      reserve: 'Reserved for refunds and disputes',
      soonLabel: 'When pending money becomes available',
      nextPayout: 'Next payout',
      arrives: 'Expected {date}',
      empty: 'No money has moved yet. Your balance appears here after your first payment.',
      loadFailed: 'Your balance could not be loaded.',
    },
  },
  'zh-CN': {
    balance: {
      title: '余额',
      total: '总余额',
      available: '可提现',
      pending: '即将到账',
      reserve: '为退款和争议预留',
      soonLabel: '待结算资金的到账日期',
      nextPayout: '下一笔提现',
      arrives: '预计 {date} 到账',
      empty: '还没有资金往来。收到第一笔付款后，余额会显示在这里。',
      loadFailed: '无法加载您的余额。',
    },
  },
};
