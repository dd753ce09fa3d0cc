import type { Locale } from './locale.js';

export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** The languages whose words are fetched when chosen, each a chunk of its own. */
export type LaterLocale = Exclude<Locale, 'en' | 'zh-CN'>;

/** Fetches one language's words: `() => import('./messages/ja.js')`. */
export type MessagesLoader<Words extends MessageTree = MessageTree> = () => Promise<{
  default: Words;
}>;

/**
 * Words in every language. English, the fallback, and Simplified Chinese ship inside the module
 * that uses them; the other languages are fetched only by those who choose them, so a page
 * weighs the same whatever the number of languages.
 */
export type AppMessages<Words extends MessageTree = MessageTree> = Record<'en' | 'zh-CN', Words> &
  Record<LaterLocale, MessagesLoader<Words>>;

/**
 * Every message's path in a tree ('payoutCode.reasons.CODE_WRONG'), sorted: two languages have
 * the same words when their paths are equal.
 */
export function messagePaths(tree: MessageTree, at = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'string' ? [`${at}${key}`] : messagePaths(value, `${at}${key}.`),
    )
    .sort();
}

/** Words the shell and every micro-frontend share. Each app adds its own next to these. */
const shipped = {
  en: {
    nav: {
      home: 'Home',
      payments: 'Payments',
      payouts: 'Payouts',
      disputes: 'Disputes',
      activity: 'Activity',
      settings: 'Settings',
      tax: 'Tax forms',
      menu: 'Menu',
    },
    common: {
      loading: 'Loading…',
      retry: 'Try again',
      cancel: 'Cancel',
      error: 'Something went wrong.',
      comingSoon: 'This part of the dashboard is on its way.',
      language: 'Language',
      activity: 'Activity',
      signOut: 'Sign out',
      testMode: 'Test mode',
    },
    payoutCode: {
      whyCode:
        'To keep your money safe, a code goes to your phone (or email) first. Your payouts go to this account only after you enter it.',
      sendCode: 'Send code',
      code: 'Code sent to {destination}',
      resend: 'Send another code',
      resendIn: 'Send another code in {seconds} s',
      resent: 'A new code was sent to {destination}.',
      reasons: {
        CODE_WRONG: 'That code is not right.',
        CODE_EXPIRED: 'The code has expired. Send another code.',
        CHALLENGE_INVALID: 'This code has been used or has ended. Send another code.',
        CHALLENGE_LOCKED: 'Too many wrong codes. Send another code.',
        TOO_MANY_CODES: 'Too many codes were sent. Try again later.',
        TOO_MANY_ATTEMPTS: 'Too many codes were tried. Try again later.',
        RECENT_CONTACT_CHANGE:
          'Your email or phone changed recently. For your safety, where your payouts go cannot change for 72 hours after that.',
        FEATURE_DISABLED:
          'Your platform manages where your payouts go: it can add your bank account for you.',
      },
    },
    // The contact line beside a message that sends the account to its platform.
    supportContact: {
      contact: 'Contact {platform}:',
      contactYours: 'Contact your platform:',
      elsewhere: '{platform} supports your account: contact them where you signed up.',
      elsewhereYours: 'Your platform supports your account: contact them where you signed up.',
    },
    // The account's language (Settings and the top bar), kept for every device and its messages.
    documents: {
      types: {
        passport: 'Passport',
        id_card: 'National ID card',
        driving_license: 'Driving licence',
        company_registration: 'Company registration certificate',
        tax_id_letter: 'Tax ID letter from the tax authority',
      },
      refusals: {
        FILE_TYPE_NOT_ALLOWED: 'That file is not a JPEG, PNG or PDF. Choose a photo or a scan.',
        FILE_TOO_LARGE: 'That file is too large: at most 10 MB.',
        FILE_EMPTY: 'That file is empty. Choose another.',
        FILE_QUOTA_EXCEEDED: 'Too many files today. Try again tomorrow.',
        TEST_FILE_IN_LIVE_MODE: 'Test documents cannot be used for a live account.',
        NO_DOCUMENT_REQUESTED: 'No document is needed now.',
        DOCUMENT_ALREADY_VERIFIED: 'A document for this is already verified.',
        DOCUMENT_UNDER_REVIEW: 'A document for this is already being checked.',
        DOCUMENT_BACK_REQUIRED: 'Add the back of the document too.',
      },
    },
    language: {
      hint: 'Your dashboard, emails and text messages use this language, on every device you sign in from.',
      saved: 'Saved.',
      failed: 'Your language could not be saved. Try again.',
      save: 'Save language',
      notChosen: 'Until you save a language, your emails and text messages are in English.',
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
      tax: '税表',
      menu: '菜单',
    },
    common: {
      loading: '加载中…',
      retry: '重试',
      cancel: '取消',
      error: '出了点问题。',
      comingSoon: '此功能即将推出。',
      language: '语言',
      activity: '动态',
      signOut: '退出登录',
      testMode: '测试模式',
    },
    payoutCode: {
      whyCode:
        '为保障资金安全，我们会先向您的手机（或邮箱）发送验证码。输入验证码后，提现才会转入此账户。',
      sendCode: '发送验证码',
      code: '发送至 {destination} 的验证码',
      resend: '重新发送验证码',
      resendIn: '{seconds} 秒后可重新发送',
      resent: '新的验证码已发送至 {destination}。',
      reasons: {
        CODE_WRONG: '验证码不正确。',
        CODE_EXPIRED: '验证码已过期，请重新发送。',
        CHALLENGE_INVALID: '验证码已使用或已失效，请重新发送。',
        CHALLENGE_LOCKED: '错误次数过多，请重新发送验证码。',
        TOO_MANY_CODES: '发送的验证码过多，请稍后再试。',
        TOO_MANY_ATTEMPTS: '尝试的验证码过多，请稍后再试。',
        RECENT_CONTACT_CHANGE:
          '您的邮箱或手机号最近已更改。为了您的安全，更改后 72 小时内无法更换提现账户。',
        FEATURE_DISABLED: '您的提现账户由平台管理，平台可以为您添加银行账户。',
      },
    },
    supportContact: {
      contact: '请联系 {platform}：',
      contactYours: '请联系您的平台：',
      elsewhere: '{platform} 为您的账户提供支持：请通过您注册的地方联系他们。',
      elsewhereYours: '您的平台为您的账户提供支持：请通过您注册的地方联系他们。',
    },
    documents: {
      types: {
        passport: '护照',
        id_card: '身份证',
        driving_license: '驾驶证',
        company_registration: '公司注册证书',
        tax_id_letter: '税务机关出具的税号证明',
      },
      refusals: {
        FILE_TYPE_NOT_ALLOWED: '该文件不是 JPEG、PNG 或 PDF，请选择照片或扫描件。',
        FILE_TOO_LARGE: '文件过大，最大 10 MB。',
        FILE_EMPTY: '文件为空，请选择其他文件。',
        FILE_QUOTA_EXCEEDED: '今天上传的文件过多，请明天再试。',
        TEST_FILE_IN_LIVE_MODE: '正式账户不能使用测试证件。',
        NO_DOCUMENT_REQUESTED: '目前无需提交证件。',
        DOCUMENT_ALREADY_VERIFIED: '此项的证件已通过审核。',
        DOCUMENT_UNDER_REVIEW: '此项的证件正在审核中。',
        DOCUMENT_BACK_REQUIRED: '请同时上传证件背面。',
      },
    },
    language: {
      hint: '您在任何设备上登录后，控制台、邮件和短信都会使用此语言。',
      saved: '已保存。',
      failed: '无法保存语言设置，请重试。',
      save: '保存语言',
      notChosen: '在您保存语言之前，邮件和短信将使用英语。',
    },
  },
};

export type SharedMessages = (typeof shipped)['en'];

export const sharedMessages: AppMessages<SharedMessages> = {
  ...shipped,
  ja: () => import('./messages/ja.js'),
  de: () => import('./messages/de.js'),
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
};
