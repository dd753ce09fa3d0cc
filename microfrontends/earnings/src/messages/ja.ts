import type { Messages } from '../messages.js';

const ja: Messages = {
  earnings: {
    title: '売上',
    range: '期間',
    ranges: {
      last_24_hours: '24時間',
      last_7_days: '7日',
      last_4_weeks: '4週間',
      last_3_months: '3か月',
      last_year: '1年',
      lifetime: 'すべて',
    },
    loadFailed: '売上を読み込めませんでした。',
    empty:
      'この期間の売上はまだありません。手数料と返金を差し引いた支払いと送金がここに表示されます。',
    up: '前の期間より {percent}% 増加（{previous}）',
    down: '前の期間より {percent}% 減少（{previous}）',
    thisPeriod: '今期間',
    previousPeriod: '前の期間',
    chartLabel: '期間中の純売上（合計 {total}）',
    tableCaption: '期間別の純売上',
    period: '期間',
    net: '純額',
  },
};

export default ja;
