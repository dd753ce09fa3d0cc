import { isLocale, matchLocale, type Locale } from './locale.js';

/**
 * The little state every micro-frontend shares, owned here and nowhere else: the locale, the
 * session and the platform's branding. Changes are announced as typed DOM events on `window`,
 * so apps built with any framework (or none, like the shell) can follow them.
 */
export interface Session {
  accountId?: string;
  displayName?: string;
  /** The currency the account's money is shown in first (e.g. the earnings chart's). */
  defaultCurrency?: string;
  /** False for a test-mode account. */
  livemode?: boolean;
  /** The number on the activity bell. */
  unreadActivityCount?: number;
  /** What the platform lets the account do from the dashboard, in the session's mode. */
  features?: PlatformFeatures;
  /** The language the account chose, for every device and its messages; null until it chooses. */
  locale?: Locale | null;
}

export interface PlatformFeatures {
  closeAccount: boolean;
  editPublicInfo: boolean;
  issueRefunds: boolean;
  editPayoutSchedule: boolean;
  editBankAccounts: boolean;
  instantPayouts: boolean;
  manageDisputes: boolean;
  reserveTopUps: boolean;
}

export interface Branding {
  platformName: string;
  brandColor: string;
  /** The platform's icon on this origin, if it uploaded one. */
  iconUrl?: string | null;
  /** Where its accounts get help: any of these may be missing. */
  support?: SupportContact;
}

export interface SupportContact {
  email: string | null;
  phone: string | null;
  url: string | null;
}

export interface DashEvents {
  'dash:locale-changed': CustomEvent<{ locale: Locale }>;
  'dash:session-changed': CustomEvent<{ session: Session }>;
  'dash:branding-changed': CustomEvent<{ branding: Branding }>;
  /** A payout was made (the balance card's "pay out now"): payout lists reload. */
  'dash:payouts-changed': CustomEvent<object>;
  /** Activity was read: the bell's count follows. */
  'dash:activity-changed': CustomEvent<object>;
  /** The account's details changed (settings saved): the banner checks what is still due. */
  'dash:account-changed': CustomEvent<object>;
}

/** The events that carry no state: one micro-frontend telling the others something changed. */
export type DashSignal = 'dash:payouts-changed' | 'dash:activity-changed' | 'dash:account-changed';

declare global {
  // Typed `window.addEventListener('dash:locale-changed', …)`.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends DashEvents {}
}

const LOCALE_KEY = 'dash.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, sandboxed frames); fall back to the browser.
  }
  return matchLocale(
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  );
}

let locale: Locale = initialLocale();
/** The locale last asked for: a switch still loading its words gives way to a later one. */
let wanted: Locale = locale;
let session: Session = {};
let branding: Branding = { platformName: '', brandColor: '#5b4cf0' };

function emit<Name extends keyof DashEvents>(name: Name, detail: DashEvents[Name]['detail']): void {
  window.dispatchEvent(new CustomEvent(name, { detail }));
}

export const getLocale = (): Locale => locale;

/**
 * Makes a locale's words ready: nothing when they are there already, else a promise that
 * settles once they are.
 */
export type LocaleLoader = (locale: Locale) => Promise<unknown> | undefined;

const loaders = new Set<LocaleLoader>();

/**
 * Registers words a locale switch waits for (an i18n instance's, the shared ones), so that
 * everyone switches at once, with every word there. Returns the function that unregisters.
 */
export function loadBeforeSwitch(loader: LocaleLoader): () => void {
  loaders.add(loader);
  return () => loaders.delete(loader);
}

function apply(next: Locale): void {
  locale = next;
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  document.documentElement.lang = next;
  emit('dash:locale-changed', { locale: next });
}

/**
 * Switches the page's language: the words it needs are loaded first (the languages that ship
 * with the page at once, the others once fetched), then every app follows in the same moment.
 * A word that could not be fetched reads in English. The choice is kept for this browser.
 */
export function setLocale(next: Locale): Promise<void> {
  if (!isLocale(next)) return Promise.resolve();
  wanted = next;
  if (next === locale) return Promise.resolve();
  const loading = [...loaders].flatMap((load) => load(next) ?? []);
  if (loading.length === 0) {
    apply(next);
    return Promise.resolve();
  }
  return Promise.allSettled(loading).then(() => {
    if (wanted === next && locale !== next) apply(next);
  });
}

export const getSession = (): Session => session;

export function setSession(next: Session): void {
  session = { ...next };
  emit('dash:session-changed', { session });
}

export const getBranding = (): Branding => branding;

export function setBranding(next: Branding): void {
  branding = { ...next };
  emit('dash:branding-changed', { branding });
}

/** Tells the page something changed, for whichever micro-frontends follow it. */
export const announce = (signal: DashSignal): void => emit(signal, {});

/** Subscribes to one shared-state event; returns the unsubscribe function. */
export function onDashEvent<Name extends keyof DashEvents>(
  name: Name,
  listener: (detail: DashEvents[Name]['detail']) => void,
): () => void {
  const handler = (event: DashEvents[Name]) => listener(event.detail);
  window.addEventListener(name, handler);
  return () => window.removeEventListener(name, handler);
}
