import type { Messages } from '../messages.js';

const ja: Messages = {
  activity: {
    title: 'アクティビティ',
    markAll: 'すべて既読にする',
    unread: '（未読）',
    empty: 'まだ何もありません。入金、不審請求、アカウントの変更がここに表示されます。',
    loadFailed: 'アクティビティを読み込めませんでした。',
    failed: '処理できませんでした。もう一度お試しください。',
    more: 'さらに表示',
    emails: 'メール',
    emailPayoutFailed: '入金が失敗したときにメールで通知する',
    emailDisputeOpened: '支払いに不審請求が申し立てられたときにメールで通知する',
    emailRequirementsDue: 'プラットフォームが追加の情報を必要としているときにメールで通知する',
    emailLanguage: 'メールは「設定」で選択した言語で送信されます。',
    emailsSaved: '保存しました。',
  },
};

export default ja;
