import { navigateToUrl } from 'single-spa';
import {
  chooseLocale,
  getLocale,
  getSession,
  graphqlClient,
  GraphqlRequestError,
  isLocale,
  loadSession,
  loadSharedMessages,
  LOCALE_NAMES,
  LOCALES,
  onDashEvent,
  setLocale,
  setSession,
  sharedMessage,
  textColorOn,
} from '@dash/web-kit';

/**
 * The frame around every page (top bar and navigation) is plain HTML owned by the shell; this
 * module gives it behaviour: translations, the language switch, client-side navigation, the
 * narrow-screen menu and the platform's branding.
 */
function translate(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.dataset.text ??= element.textContent ?? '';
    const message = sharedMessage(element.dataset.i18n!);
    // A page new to the manifest keeps its English link text until the shared messages name it.
    element.textContent = message === element.dataset.i18n ? element.dataset.text : message;
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    element.setAttribute('aria-label', sharedMessage(element.dataset.i18nLabel!));
  }
  const localeSwitch = root.querySelector<HTMLSelectElement>('[data-locale-switch]');
  if (localeSwitch) localeSwitch.value = getLocale();
}

function markActiveLink(): void {
  const path = window.location.pathname;
  // Pages such as sign-in show no navigation (see frame.css).
  document.body.dataset.page = path.split('/')[1] || 'home';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#dash-nav a')) {
    const href = link.getAttribute('href')!;
    const active = href === '/' ? path === '/' : path.startsWith(href);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function wireNavigation(): void {
  const nav = document.querySelector<HTMLElement>('#dash-nav')!;
  const menu = document.querySelector<HTMLButtonElement>('.topbar__menu')!;
  const setOpen = (open: boolean) => {
    nav.dataset.open = String(open);
    menu.setAttribute('aria-expanded', String(open));
  };
  menu.addEventListener('click', () => setOpen(nav.dataset.open !== 'true'));
  document.addEventListener('click', (event) => {
    // Our own pages change in place; a download (a CSV export, a tax form) or a new tab is the
    // browser's to open.
    const link = (event.target as Element).closest<HTMLAnchorElement>(
      'a[href^="/"]:not([download]):not([target])',
    );
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    setOpen(false);
    navigateToUrl(link.href);
  });
}

/**
 * The language switch: every language in its own name. Signed in, a choice is the account's
 * (every device and its messages follow it); before, it is this browser's.
 */
function wireLocaleSwitch(): void {
  const localeSwitch = document.querySelector<HTMLSelectElement>('[data-locale-switch]')!;
  localeSwitch.replaceChildren(
    ...LOCALES.map((locale) => {
      const option = new Option(LOCALE_NAMES[locale], locale);
      option.lang = locale;
      return option;
    }),
  );
  localeSwitch.addEventListener('change', () => {
    // Not saved for the account (offline, say): this page and browser keep the choice all the same.
    if (isLocale(localeSwitch.value)) chooseLocale(localeSwitch.value).catch(() => {});
  });
}

/** The number on the bell: unread activity, hidden when there is none. */
function showUnread(count: number): void {
  const badge = document.querySelector<HTMLElement>('[data-unread-count]');
  if (!badge) return;
  badge.textContent = count > 99 ? '99+' : String(count);
  badge.hidden = count === 0;
  const bell = badge.closest('a');
  if (bell) bell.dataset.unread = String(count);
}

async function refreshUnread(): Promise<void> {
  try {
    const { me } = await graphqlClient().query<{ me: { unreadActivityCount: number } }>(
      'query UnreadActivity { me { id unreadActivityCount } }',
    );
    setSession({ ...getSession(), unreadActivityCount: me.unreadActivityCount });
  } catch {
    // The count is a convenience; the activity page itself says what is unread.
  }
}

/**
 * Whose dashboard this is, read once for the whole page before any micro-frontend mounts:
 * the session and branding it publishes fill the top bar, and the micro-frontends take the
 * account's currency from them instead of asking again.
 */
async function loadFrame(): Promise<void> {
  try {
    // The account's own language wins over this browser's, on every device it signs in from.
    const { locale } = await loadSession();
    if (locale) await setLocale(locale);
  } catch (error) {
    // The auth guard: nobody signed in, so every page but sign-in leads there. Onboarding is
    // opened by an account link, whose session is not a dashboard one: it stays.
    const signedOut = error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED';
    const open = ['/login', '/onboarding'].some((page) =>
      window.location.pathname.startsWith(page),
    );
    if (signedOut && !open) navigateToUrl('/login');
    // Otherwise the frame still works unbranded; each micro-frontend reports its own errors.
  }
}

function wireSignOut(): void {
  document.querySelector('[data-sign-out]')?.addEventListener('click', async () => {
    try {
      await graphqlClient().query('mutation SignOut { signOut }');
    } finally {
      window.location.assign('/login');
    }
  });
}

function applyBranding(): void {
  onDashEvent('dash:branding-changed', ({ branding }) => {
    document.documentElement.style.setProperty('--dash-accent', branding.brandColor);
    document.documentElement.style.setProperty(
      '--dash-on-accent',
      textColorOn(branding.brandColor),
    );
    document.querySelector('[data-platform-name]')!.textContent = branding.platformName;
    // The icon where the platform uploaded one; its colour as a square where not. An <img> with
    // its own referrer policy: a sign-in page's URL holds the login link's secret.
    const icon = document.querySelector<HTMLElement>('[data-platform-icon]')!;
    if (!branding.iconUrl) icon.replaceChildren();
    else if (icon.querySelector('img')?.getAttribute('src') !== branding.iconUrl) {
      const image = document.createElement('img');
      image.referrerPolicy = 'no-referrer';
      image.alt = '';
      image.src = branding.iconUrl;
      icon.replaceChildren(image);
    }
    document.title = branding.platformName;
  });
  onDashEvent('dash:session-changed', ({ session }) => {
    document.querySelector('[data-account-name]')!.textContent = session.displayName ?? '';
    // Test data looks like real money: the frame says which it is, on every page.
    document.querySelector<HTMLElement>('[data-test-mode]')!.hidden = session.livemode !== false;
    showUnread(session.unreadActivityCount ?? 0);
  });
}

export function startFrame(): void {
  document.documentElement.lang = getLocale();
  wireNavigation();
  wireLocaleSwitch();
  wireSignOut();
  applyBranding();
  translate();
  markActiveLink();
  // A language fetched when chosen: the frame reads in English until its words are there.
  void loadSharedMessages().then(() => translate());
  onDashEvent('dash:locale-changed', () => translate());
  onDashEvent('dash:activity-changed', () => void refreshUnread());
  // The signed-in account's details changed (its name, say): the top bar and the session follow.
  onDashEvent('dash:account-changed', () => {
    if (getSession().accountId) void loadFrame();
  });
  window.addEventListener('single-spa:routing-event', () => {
    translate(document.querySelector('#dash-main')!);
    markActiveLink();
  });
  void loadFrame();
}
