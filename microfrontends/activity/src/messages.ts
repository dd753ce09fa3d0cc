export const messages = {
  en: {
    activity: {
      title: 'Activity',
      markAll: 'Mark all as read',
      unread: '(unread)',
      empty: 'Nothing yet. Payouts, disputes and changes to your account show up here.',
      loadFailed: 'Your activity could not be loaded.',
      failed: 'That did not go through. Try again.',
      more: 'Show more',
      emails: 'Emails',
      emailPayoutFailed: 'Email me when a payout fails',
      emailDisputeOpened: 'Email me when a payment is disputed',
      emailLanguage: 'Language of emails',
      emailsSaved: 'Saved.',
    },
  },
  'zh-CN': {
    activity: {
      title: '动态',
      markAll: '全部标为已读',
      unread: '（未读）',
      empty: '暂无动态。提现、争议和账户变更会显示在这里。',
      loadFailed: '无法加载动态。',
      failed: '操作未成功，请重试。',
      more: '显示更多',
      emails: '邮件通知',
      emailPayoutFailed: '提现失败时发邮件给我',
      emailDisputeOpened: '付款被争议时发邮件给我',
      emailLanguage: '邮件语言',
      emailsSaved: '已保存。',
    },
  },
};
