import type { Locale } from './locale.js';

export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Words the shell and every micro-frontend share. Each app adds its own next to these. */
export const sharedMessages: Record<Locale, MessageTree> = {
  en: {
    nav: {
      home: 'Home',
      payments: 'Payments',
      payouts: 'Payouts',
      disputes: 'Disputes',
      activity: 'Activity',
      settings: 'Settings',
      menu: 'Menu',
    },
    common: {
      loading: 'Loading…',
      retry: 'Try again',
      error: 'Something went wrong.',
      comingSoon: 'This part of the dashboard is on its way.',
      language: 'Language',
      activity: 'Activity',
      signOut: 'Sign out',
    },
  },
  'zh-CN': {
    nav: {
      home: '首页',
      payments: '付款',
      payouts: '提现',
      disputes: '争议',
      activity: '动态',
      settings: '设置',
      menu: '菜单',
    },
    common: {
      loading: '加载中…',
      retry: '重试',
      error: '出了点问题。',
      comingSoon: '此功能即将推出。',
      language: '语言',
      activity: '动态',
      signOut: '退出登录',
    },
  },
};
