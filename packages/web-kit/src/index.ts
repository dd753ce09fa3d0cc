import './tokens.css';

export { LOCALES, LOCALE_NAMES, isLocale, matchLocale, type Locale } from './locale.js';
export {
  announce,
  getBranding,
  getLocale,
  getSession,
  onDashEvent,
  setBranding,
  setLocale,
  setSession,
  type Branding,
  type DashEvents,
  type DashSignal,
  type PlatformFeatures,
  type Session,
} from './state.js';
export { loadSession, readSession, type SignedInSession } from './session.js';
export { useSession } from './use-session.js';
export { createDashI18n, loadSharedMessages, sharedMessage } from './i18n.js';
export { chooseLocale } from './account-locale.js';
export { messagePaths, sharedMessages, type AppMessages, type MessageTree } from './messages.js';
export {
  createGraphqlClient,
  graphqlClient,
  GraphqlRequestError,
  useGraphqlClient,
  type GraphqlClient,
} from './graphql.js';
export { connectEmbedded, isEmbedded, type EmbeddedConnection } from './embedding.js';
export {
  amountText,
  formatAmount,
  formatDate,
  formatDateTime,
  formatDay,
  formatDestination,
  parseAmount,
  useMoney,
} from './format.js';
// Re-exported so micro-frontends share the kit's single copy instead of bundling their own.
export { formatMoney, parseMajorUnits, toMajorUnitString } from '@dash/money';
export { useI18n } from 'vue-i18n';
export { cssLifecycles } from './css-lifecycles.js';
export { textColorOn } from './contrast.js';
export { useLocale } from './use-locale.js';
export { vueMicrofrontend, type VueMicrofrontendOptions } from './microfrontend.js';
export { codeDigits, refusalReason, useSecondsUntil, type FieldRefusals } from './refusals.js';
export { isSendableAmount, useSubmit } from './submit.js';
export { useDetailPage, useDetailPath } from './detail-path.js';
export { humaniseRequirement, requirementMessageKey } from './requirements.js';
export {
  DOCUMENT_REFUSALS,
  documentHasBack,
  documentTypesFor,
  refusalPath,
  uploadDocumentPage,
} from './document-upload.js';
export { useKeysetList, type KeysetList, type KeysetPage } from './keyset-list.js';
export { useSignal } from './signals.js';
export { idempotencyKeys } from './idempotency.js';
export { useAmountDialog } from './amount-dialog.js';
export {
  payoutDetailsChange,
  ROUTING_NUMBER_COUNTRIES,
  type BankAccountFields,
  type PayoutDetailsChallenge,
  type PayoutDetailsChange,
} from './payout-details.js';

// The ui kit's components: every micro-frontend shows dialogs, amounts, lists and states alike.
export { default as AmountField } from './components/AmountField.vue';
export { default as CodeInput } from './components/CodeInput.vue';
export { default as Dialog } from './components/Dialog.vue';
export { default as MoneyListPage } from './components/MoneyListPage.vue';
export { default as MoneyRows } from './components/MoneyRows.vue';
export { default as EmptyState } from './components/EmptyState.vue';
export { default as ErrorState } from './components/ErrorState.vue';
export { default as PagedList } from './components/PagedList.vue';
export { default as StatusPill } from './components/StatusPill.vue';
export type { Tone } from './components/tone.js';
export { default as PlatformContact } from './components/PlatformContact.vue';
export { useBranding } from './use-branding.js';
export { supportLinks, type SupportLink } from './support-links.js';
export type { SupportContact } from './state.js';
