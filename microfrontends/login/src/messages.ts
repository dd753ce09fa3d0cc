import type { AppMessages } from '@dash/web-kit';

/** English, the fallback, and Simplified Chinese ship with the app; see `messages` below. */
const shipped = {
  en: {
    login: {
      title: 'Sign in',
      starting: 'Opening your login link…',
      emailIntro:
        'Enter the email address of your live account. If it has one, we will text a code to the phone number on file, or email it when there is none. Test-mode accounts sign in with a login link from their platform.',
      emailLabel: 'Email',
      sendCode: 'Send code',
      codeSent: 'Enter the 6-digit code we sent to {destination}.',
      codeSentOnFile:
        'If {destination} has a live account, we texted a 6-digit code to its phone number on file, or emailed it when there is none. Enter it here.',
      codeLabel: 'Verification code',
      submit: 'Continue',
      verifying: 'Checking…',
      resend: 'Send a new code',
      resendIn: 'Send a new code in {seconds}s',
      lostPhone: 'I no longer have access to this phone',
      pickIntro: 'This email has more than one account. Choose the one to open.',
      onPlatform: 'with {platform}',
      support: 'Trouble signing in? Contact {platform}:',
      supportElsewhere: 'Trouble signing in? Contact {platform} where you signed up.',
      helpPage: 'help page',
      reasons: {
        LINK_INVALID: 'This login link is not valid. Ask the platform you work with for a new one.',
        LINK_USED:
          'This login link has already been used. Ask the platform you work with for a new one.',
        LINK_EXPIRED: 'This login link has expired. Ask the platform you work with for a new one.',
        CODE_WRONG: 'That code is not right. {attemptsLeft} tries left.',
        CODE_EXPIRED: 'This code has expired. Send a new one.',
        CHALLENGE_LOCKED: 'Too many wrong codes. Ask for a new login link.',
        CHALLENGE_INVALID: 'This sign-in has ended. Ask for a new login link.',
        RESEND_TOO_SOON: 'Wait a moment before asking for another code.',
        TOO_MANY_CODES: 'Too many codes were sent. Try again later.',
        TEST_MODE_ACCOUNT: 'Test-mode accounts sign in with a login link from their platform.',
        TOO_MANY_ATTEMPTS: 'Too many codes were tried. Try again later.',
        RECENT_CONTACT_CHANGE:
          'This email became the account’s email recently. For your safety, it cannot be used to sign in for 72 hours. Use a login link from your platform.',
        ACCOUNT_NOT_OFFERED: 'That account cannot be opened with this sign-in.',
        PICK_INVALID: 'This sign-in has ended. Start again for a new code.',
        UNKNOWN: 'Something went wrong. Try again.',
      },
    },
  },
  'zh-CN': {
    login: {
      title: '登录',
      starting: '正在打开登录链接…',
      emailIntro:
        '请输入您正式账户的邮箱地址。如有对应账户，我们会以短信将验证码发送到登记的手机号码；没有手机号码时发送到该邮箱。测试模式账户请使用平台提供的登录链接登录。',
      emailLabel: '邮箱',
      sendCode: '发送验证码',
      codeSent: '请输入我们发送到 {destination} 的 6 位验证码。',
      codeSentOnFile:
        '如果 {destination} 有正式账户，我们已通过短信将 6 位验证码发送到登记的手机号码；没有手机号码时已发送到该邮箱。请在此输入。',
      codeLabel: '验证码',
      submit: '继续',
      verifying: '验证中…',
      resend: '重新发送验证码',
      resendIn: '{seconds} 秒后可重新发送',
      lostPhone: '我无法再使用这部手机',
      pickIntro: '此邮箱有多个账户，请选择要打开的账户。',
      onPlatform: '来自 {platform}',
      support: '登录遇到问题？请联系 {platform}：',
      supportElsewhere: '登录遇到问题？请通过您注册的地方联系 {platform}。',
      helpPage: '帮助页面',
      reasons: {
        LINK_INVALID: '此登录链接无效。请向合作平台索取新的链接。',
        LINK_USED: '此登录链接已被使用。请向合作平台索取新的链接。',
        LINK_EXPIRED: '此登录链接已过期。请向合作平台索取新的链接。',
        CODE_WRONG: '验证码不正确。还可尝试 {attemptsLeft} 次。',
        CODE_EXPIRED: '验证码已过期。请重新发送。',
        CHALLENGE_LOCKED: '错误次数过多。请索取新的登录链接。',
        CHALLENGE_INVALID: '此次登录已结束。请索取新的登录链接。',
        RESEND_TOO_SOON: '请稍候再请求新的验证码。',
        TOO_MANY_CODES: '发送的验证码过多。请稍后再试。',
        TEST_MODE_ACCOUNT: '测试模式账户请使用平台提供的登录链接登录。',
        TOO_MANY_ATTEMPTS: '尝试的验证码过多。请稍后再试。',
        RECENT_CONTACT_CHANGE:
          '此邮箱最近才成为该账户的邮箱。为了您的安全，72 小时内不能用它登录。请使用平台提供的登录链接。',
        ACCOUNT_NOT_OFFERED: '此次登录无法打开该账户。',
        PICK_INVALID: '此次登录已结束。请重新开始以获取新的验证码。',
        UNKNOWN: '出了点问题。请重试。',
      },
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
