import './tokens.css';

export { LOCALES, LOCALE_NAMES, isLocale, matchLocale, type Locale } from './locale.js';
export {
  getBranding,
  getLocale,
  getSession,
  onDashEvent,
  setBranding,
  setLocale,
  setSession,
  type Branding,
  type DashEvents,
  type Session,
} from './state.js';
export { createDashI18n, sharedMessage } from './i18n.js';
export { sharedMessages, type MessageTree } from './messages.js';
export { createGraphqlClient, graphqlClient, GraphqlRequestError, type GraphqlClient } from './graphql.js';
export { formatAmount, formatDate } from './format.js';
export { cssLifecycles } from './css-lifecycles.js';
export { useLocale } from './use-locale.js';
