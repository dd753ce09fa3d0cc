export const messages = {
  en: {
    banner: {
      dueTitle: 'Your platform needs more information',
      dueBody: 'Add your {fields} by {date} to keep taking payments and receiving payouts.',
      dueBodyNoDate: 'Add your {fields} to keep taking payments and receiving payouts.',
      pastDueTitle: 'Payments and payouts are paused',
      pastDueBody: 'Add your {fields} to turn them back on.',
      provide: 'Add information',
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
      provide: '补充信息',
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
      },
    },
  },
};
