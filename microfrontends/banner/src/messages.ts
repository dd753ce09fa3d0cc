import type { AppMessages } from '@dash/web-kit';

/** English, the fallback, and Simplified Chinese ship with the app; see `messages` below. */
const shipped = {
  en: {
    banner: {
      dueTitle: 'Your platform needs more information',
      dueBody: 'Add your {fields} by {date} to keep taking payments and receiving payouts.',
      dueBodyNoDate: 'Add your {fields} to keep taking payments and receiving payouts.',
      pastDueTitle: 'Payments and payouts are paused',
      pastDueBody: 'Add your {fields} to turn them back on.',
      payoutsPausedTitle: 'Payouts are paused',
      payoutsPausedBody:
        'Add your {fields} to turn payouts back on. You can take payments until {date}, and your balance keeps growing meanwhile.',
      payoutsPausedBodyNoDate:
        'Add your {fields} to turn payouts back on. Your balance keeps growing meanwhile.',
      verifyingTitle: 'Payouts start once your details are checked',
      verifyingBody: 'We are checking the details you gave. Your balance keeps growing meanwhile.',
      provide: 'Add information',
      setupTitle: 'Finish setting up your account',
      setupBody:
        'Your platform needs a few details before you can take payments and receive payouts.',
      continueSetup: 'Continue setup',
      andMore: '{fields} and {count} more',
      by: 'By {date}',
      act: 'Take action',
      listSeparator: ', ',
      fields: {
        business_type: 'business type',
        business_profile_name: 'business name',
        business_profile_url: 'website',
        business_profile_support_email: 'support email',
        phone: 'phone number',
        statement_descriptor: 'statement descriptor',
        external_account: 'bank account',
        tos_acceptance_date: 'acceptance of the services agreement',
        tos_acceptance_ip: 'acceptance of the services agreement',
        individual_id_number: 'ID number',
        representative_id_number: "representative's ID number",
        individual_dob: 'date of birth',
        individual_address_line1: 'address',
        company_tax_id: 'company tax ID',
        company_owners_provided: 'company owners',
        individual_verification_document: 'identity document',
        representative_verification_document: "representative's identity document",
        company_verification_document: 'company document',
      },
    },
  },
  'zh-CN': {
    banner: {
      dueTitle: '您的平台需要更多信息',
      dueBody: '请在 {date} 前补充{fields}，以便继续收款和提现。',
      dueBodyNoDate: '请补充{fields}，以便继续收款和提现。',
      pastDueTitle: '收款和提现已暂停',
      pastDueBody: '补充{fields}后即可恢复。',
      payoutsPausedTitle: '提现已暂停',
      payoutsPausedBody: '请补充{fields}以恢复提现。{date} 前仍可收款，在此期间余额会继续累积。',
      payoutsPausedBodyNoDate: '请补充{fields}以恢复提现。在此期间余额会继续累积。',
      verifyingTitle: '资料审核通过后即可提现',
      verifyingBody: '我们正在审核您提交的资料。在此期间余额会继续累积。',
      provide: '补充信息',
      setupTitle: '完成账户设置',
      setupBody: '您的平台需要一些信息，之后您才能收款和提现。',
      continueSetup: '继续设置',
      andMore: '{fields}等 {count} 项',
      by: '截止 {date}',
      act: '立即处理',
      listSeparator: '、',
      fields: {
        business_type: '经营类型',
        business_profile_name: '商户名称',
        business_profile_url: '网站',
        business_profile_support_email: '客服邮箱',
        phone: '手机号码',
        statement_descriptor: '账单描述',
        external_account: '银行账户',
        tos_acceptance_date: '服务协议确认',
        tos_acceptance_ip: '服务协议确认',
        individual_id_number: '证件号码',
        representative_id_number: '负责人证件号码',
        individual_dob: '出生日期',
        individual_address_line1: '地址',
        company_tax_id: '公司税号',
        company_owners_provided: '公司股东信息',
        individual_verification_document: '身份证件',
        representative_verification_document: '负责人身份证件',
        company_verification_document: '公司证明文件',
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
