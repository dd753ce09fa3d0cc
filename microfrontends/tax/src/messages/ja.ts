import type { Messages } from '../messages.js';

const ja: Messages = {
  tax: {
    title: '税務書類',
    loadFailed: '税務情報を読み込めませんでした。',
    notUs:
      '米国の税務書類（Form 1099）は米国のアカウントが対象です。お客様のアカウントは {country} にあるため、{platform} から発行されるものはなく、ここで必要な手続きはありません。',
    info: {
      title: '税務情報',
      intro:
        '{platform} が IRS（米国内国歳入庁）に報告するお客様の情報です：納税者番号と、確定申告書どおりの氏名・住所（Form W-9）。',
      none: 'まだ入力されていません。税務書類に正しく記載されるよう入力してください。',
      tin: '納税者番号',
      tinType: '納税者番号の種類',
      tinTypes: {
        ssn: '社会保障番号（SSN）',
        itin: '個人納税者番号（ITIN）',
        ein: '雇用者番号（EIN）',
      },
      tinHelp: '9 桁の数字です。保存後は下 4 桁のみ表示されます。',
      legalName: '確定申告書上の氏名',
      address: '確定申告書上の住所',
      line1: '番地・通り',
      line2: 'アパート・部屋番号（任意）',
      city: '市区町村',
      state: '州（CA などの 2 文字）',
      postalCode: 'ZIP コード',
      certified: '{date} に {name} が証明',
      prefilled:
        '氏名と住所はアカウント情報から入力されています。確定申告書と一致するかご確認ください。',
      enter: '税務情報を入力',
      change: '税務情報を変更',
      cancel: 'キャンセル',
      certification: '証明',
      certificationIntro: '偽証罪の罰則のもとに、私は以下を証明します：',
      statements: {
        tin: 'このフォームに記載された番号は私の正しい納税者番号です（または番号の発行を待っています）。',
        backup:
          '私は予備源泉徴収の対象ではありません。その理由は、(a) 予備源泉徴収が免除されている、(b) 利子または配当の申告漏れにより予備源泉徴収の対象であると IRS から通知されていない、または (c) 予備源泉徴収の対象ではなくなったと IRS から通知された、のいずれかです。',
        usPerson: '私は米国市民またはその他の米国人です。',
        fatca:
          'このフォームに記入した FATCA コード（ある場合）は、私が FATCA 報告を免除されていることを示すもので、正確です。',
      },
      certify: '上記の内容を証明します。',
      signature: '署名としてフルネームを入力してください',
      signedToday: '日付：本日（{date}）。',
      whyCode:
        '税務情報によって、誰の所得として報告されるかが決まります。保存には、お使いの電話またはメールに送信するコードが必要です。',
      sendCode: 'コードを送信',
      code: '{destination} に送信したコード',
      resend: '新しいコードを送信',
      save: '税務情報を保存',
      saved: '税務情報を保存しました。',
      fields: {
        tin: '納税者番号',
        legalName: '氏名',
        address: {
          line1: '番地・通り',
          line2: 'アパート・部屋番号',
          city: '市区町村',
          state: '州',
          postalCode: 'ZIP コード',
        },
        certify: '証明',
        signatureName: '署名',
        code: 'コード',
      },
      reasons: {
        INVALID_FIELD: '{field}をご確認ください。',
        TIN_DIGITS: '納税者番号は 9 桁です。',
        CODE_WRONG: 'コードが正しくありません。確認してもう一度お試しください。',
        CODE_EXPIRED: 'このコードは有効期限が切れています。新しいコードを送信してください。',
        CODE_USED: 'このコードは使用済みです。新しいコードを送信してください。',
        CHALLENGE_INVALID: 'このコードのリクエストは終了しました。新しいコードを送信してください。',
        CHALLENGE_LOCKED: '誤ったコードが多すぎます。新しいコードを送信してください。',
        RESEND_TOO_SOON: '少し待ってから新しいコードをリクエストしてください。',
        TOO_MANY_CODES: '送信されたコードが多すぎます。しばらくしてからお試しください。',
        TOO_MANY_ATTEMPTS: '試行されたコードが多すぎます。しばらくしてからお試しください。',
        RECENT_CONTACT_CHANGE:
          'メールアドレスまたは電話番号が最近変更されたため、72 時間は税務情報を変更できません。',
        US_ACCOUNTS_ONLY: '税務情報は米国のアカウントが対象です。',
        UNKNOWN: '処理できませんでした。もう一度お試しください。',
      },
    },
    delivery: {
      title: '電子交付',
      explain:
        '税務書類を郵送ではなくここで受け取れます。書類の準備ができたらメールでお知らせし、PDF でダウンロードできます。この同意はいつでも撤回でき、発行済みの書類はここに残ります。紙の写しは引き続き {platform} に請求できます。',
      consented: '税務書類を電子で受け取っています（{date} から）。',
      notConsented: '{platform} が税務書類を郵送します。',
      consent: '税務書類を電子で受け取る',
      withdraw: '同意を撤回',
      given: '同意しました。',
      withdrawn: '同意を撤回しました。次回からの書類は郵送されます。',
      failed: '処理できませんでした。もう一度お試しください。',
    },
    forms: {
      title: 'お客様の税務書類',
      empty:
        'まだ税務書類はありません。暦年中の受取額が IRS の基準を超えると、翌年の初めに {platform} が Form 1099 をここで発行します。',
      loadFailed: '税務書類を読み込めませんでした。',
      more: 'さらに表示',
      form: '{year} 年 Form {name}',
      corrected: '訂正版',
      issued: '{date} 発行',
      download: 'PDF をダウンロード',
      downloadLabel: '{year} 年 Form {name} をダウンロード（PDF）',
      status: {
        available: '発行済み',
        mail_required: '郵送',
        superseded: '差し替え済み',
      },
    },
  },
};

export default ja;
