import type { Messages } from '../messages.js';

const ja: Messages = {
  banner: {
    dueTitle: 'プラットフォームが追加の情報を必要としています',
    dueBody:
      '支払いの受け付けと入金の受け取りを続けるには、{date} までに{fields}を追加してください。',
    dueBodyNoDate: '支払いの受け付けと入金の受け取りを続けるには、{fields}を追加してください。',
    pastDueTitle: '支払いと入金が停止されています',
    pastDueBody: '再開するには、{fields}を追加してください。',
    payoutsPausedTitle: '入金が停止されています',
    payoutsPausedBody:
      '入金を再開するには、{fields}を追加してください。{date} までは支払いを受け付けられ、その間も残高は増え続けます。',
    payoutsPausedBodyNoDate:
      '入金を再開するには、{fields}を追加してください。その間も残高は増え続けます。',
    verifyingTitle: '情報の確認が完了すると入金が始まります',
    verifyingBody: 'ご提供いただいた情報を確認しています。その間も残高は増え続けます。',
    provide: '情報を追加',
    setupTitle: 'アカウントの設定を完了してください',
    setupBody:
      '支払いの受け付けと入金の受け取りを始める前に、プラットフォームがいくつかの情報を必要としています。',
    continueSetup: '設定を続ける',
    andMore: '{fields}ほか {count} 件',
    by: '期限：{date}',
    act: '対応する',
    listSeparator: '、',
    fields: {
      business_type: '事業形態',
      business_profile_name: '事業名',
      business_profile_url: 'ウェブサイト',
      business_profile_support_email: 'サポート用メールアドレス',
      phone: '電話番号',
      statement_descriptor: '明細書表記',
      external_account: '銀行口座',
      tos_acceptance_date: 'サービス契約への同意',
      tos_acceptance_ip: 'サービス契約への同意',
      individual_id_number: '本人確認番号',
      representative_id_number: '代表者の本人確認番号',
      individual_dob: '生年月日',
      individual_address_line1: '住所',
      company_tax_id: '法人番号',
      company_owners_provided: '会社の所有者',
      individual_verification_document: '本人確認書類',
      representative_verification_document: '代表者の本人確認書類',
      company_verification_document: '会社の確認書類',
    },
  },
};

export default ja;
