import type { AppMessages } from '@dash/web-kit';

/** English, the fallback, and Simplified Chinese ship with the app; see `messages` below. */
const shipped = {
  en: {
    earnings: {
      title: 'Earnings',
      range: 'Period',
      ranges: {
        last_24_hours: '24h',
        last_7_days: '7d',
        last_4_weeks: '4w',
        last_3_months: '3m',
        last_year: '1y',
        lifetime: 'All',
      },
      loadFailed: 'Your earnings could not be loaded.',
      empty:
        'No earnings in this period yet. Payments and transfers will show here, net of fees and refunds.',
      up: 'Up {percent}% on the period before ({previous})',
      down: 'Down {percent}% on the period before ({previous})',
      thisPeriod: 'This period',
      previousPeriod: 'Period before',
      chartLabel: 'Net earnings over the period, {total} in all',
      tableCaption: 'Net earnings by period',
      period: 'Period',
      net: 'Net',
    },
  },
  'zh-CN': {
    earnings: {
      title: '收入',
      range: '时间范围',
      ranges: {
        last_24_hours: '24小时',
        last_7_days: '7天',
        last_4_weeks: '4周',
        last_3_months: '3个月',
        last_year: '1年',
        lifetime: '全部',
      },
      loadFailed: '无法加载您的收入。',
      empty: '此期间暂无收入。付款和转账（扣除手续费和退款后）将显示在这里。',
      up: '比上一期间增长 {percent}%（{previous}）',
      down: '比上一期间下降 {percent}%（{previous}）',
      thisPeriod: '本期间',
      previousPeriod: '上一期间',
      chartLabel: '本期间净收入，共 {total}',
      tableCaption: '各期间净收入',
      period: '期间',
      net: '净额',
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
