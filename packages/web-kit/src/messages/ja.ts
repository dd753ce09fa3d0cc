import type { SharedMessages } from '../messages.js';

const ja: SharedMessages = {
  nav: {
    home: 'ホーム',
    payments: '支払い',
    payouts: '入金',
    disputes: '不審請求',
    activity: 'アクティビティ',
    settings: '設定',
    tax: '税務書類',
    menu: 'メニュー',
  },
  common: {
    loading: '読み込み中…',
    retry: '再試行',
    cancel: 'キャンセル',
    error: '問題が発生しました。',
    comingSoon: 'この機能は近日公開予定です。',
    language: '言語',
    activity: 'アクティビティ',
    signOut: 'ログアウト',
    testMode: 'テストモード',
  },
  payoutCode: {
    whyCode:
      'お客様の資金を守るため、まずお使いの電話（またはメール）にコードをお送りします。コードを入力すると、入金先がこの口座に変更されます。',
    sendCode: 'コードを送信',
    code: '{destination} に送信されたコード',
    resend: 'コードを再送信',
    resendIn: '{seconds} 秒後にコードを再送信できます',
    resent: '新しいコードを {destination} に送信しました。',
    reasons: {
      CODE_WRONG: 'コードが正しくありません。',
      CODE_EXPIRED: 'コードの有効期限が切れました。新しいコードを送信してください。',
      CHALLENGE_INVALID:
        'このコードは使用済みか、無効になっています。新しいコードを送信してください。',
      CHALLENGE_LOCKED: '誤ったコードの入力が多すぎます。新しいコードを送信してください。',
      TOO_MANY_CODES: '送信したコードが多すぎます。しばらくしてからもう一度お試しください。',
      TOO_MANY_ATTEMPTS: 'コードの入力回数が多すぎます。しばらくしてからもう一度お試しください。',
      RECENT_CONTACT_CHANGE:
        'メールアドレスまたは電話番号が最近変更されました。安全のため、変更後 72 時間は入金先を変更できません。',
      FEATURE_DISABLED:
        '入金先はプラットフォームが管理しています。銀行口座はプラットフォームが追加できます。',
    },
  },
  supportContact: {
    contact: '{platform} へのお問い合わせ：',
    contactYours: 'プラットフォームへのお問い合わせ：',
    elsewhere:
      'お客様のアカウントは {platform} がサポートしています。ご登録いただいた窓口からお問い合わせください。',
    elsewhereYours:
      'お客様のアカウントはプラットフォームがサポートしています。ご登録いただいた窓口からお問い合わせください。',
  },
  documents: {
    types: {
      passport: 'パスポート',
      id_card: '国民識別カード',
      driving_license: '運転免許証',
      company_registration: '登記事項証明書',
      tax_id_letter: '税務当局が発行した納税者番号の通知書',
    },
    refusals: {
      FILE_TYPE_NOT_ALLOWED:
        'このファイルは JPEG、PNG、PDF のいずれでもありません。写真またはスキャンを選択してください。',
      FILE_TOO_LARGE: 'ファイルが大きすぎます（最大 10 MB）。',
      FILE_EMPTY: 'ファイルが空です。別のファイルを選択してください。',
      FILE_QUOTA_EXCEEDED: '本日のファイル数が上限に達しました。明日もう一度お試しください。',
      TEST_FILE_IN_LIVE_MODE: 'テスト用の書類は本番アカウントでは使用できません。',
      NO_DOCUMENT_REQUESTED: '現在、書類は必要ありません。',
      DOCUMENT_ALREADY_VERIFIED: 'この項目の書類はすでに確認済みです。',
      DOCUMENT_UNDER_REVIEW: 'この項目の書類はすでに確認中です。',
      DOCUMENT_BACK_REQUIRED: '書類の裏面も追加してください。',
    },
  },
  language: {
    hint: 'ダッシュボード、メール、SMS はこの言語で表示されます。どの端末からログインしても同じです。',
    saved: '保存しました。',
    failed: '言語を保存できませんでした。もう一度お試しください。',
    save: '言語を保存',
    notChosen: '言語を保存するまで、メールと SMS は英語で送信されます。',
  },
};

export default ja;
