import type { AppMessages } from '@dash/web-kit';

/** English, the fallback, and Simplified Chinese ship with the app; see `messages` below. */
const shipped = {
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
      emailRequirementsDue: 'Email me when my platform needs more information',
      emailLanguage: 'Emails are written in your language, which you choose in Settings.',
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
      emailRequirementsDue: '平台需要更多信息时发邮件给我',
      emailLanguage: '邮件使用您在“设置”中选择的语言。',
      emailsSaved: '已保存。',
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
