import { createI18n } from 'vue-i18n';
import type { Locale } from './locale.js';
import { sharedMessages, type AppMessages, type MessageTree } from './messages.js';
import { getLocale, loadBeforeSwitch, onDashEvent } from './state.js';

/** A language's words: there now, on their way, or none in that source. */
type Words = MessageTree | Promise<MessageTree> | undefined;

/**
 * Reads one source's words by locale: those it ships at once, the others fetched on first ask
 * and kept (a failed fetch is forgotten, so a later switch tries again).
 */
function wordsFrom(messages: Partial<AppMessages>): (locale: Locale) => Words {
  const kept = new Map<Locale, MessageTree | Promise<MessageTree>>();
  return (locale) => {
    const known = kept.get(locale);
    if (known) return known;
    const source = messages[locale];
    if (typeof source !== 'function') return source;
    const fetching = source().then(
      ({ default: words }) => {
        kept.set(locale, words);
        return words;
      },
      (error: unknown) => {
        kept.delete(locale);
        throw error;
      },
    );
    kept.set(locale, fetching);
    return fetching;
  };
}

const sharedWords = wordsFrom(sharedMessages);

/** A promise when words are still on their way; nothing when they are there (or missing). */
const pending = (words: Words): Promise<unknown> | undefined =>
  words instanceof Promise ? words : undefined;

// The shell's frame shows shared words without an i18n instance: a switch waits for them too.
loadBeforeSwitch((locale) => pending(sharedWords(locale)));

/**
 * A vue-i18n instance for one micro-frontend: the shared words plus the app's own, following the
 * shared locale as it changes. A language that is fetched when chosen is in place before the app
 * shows it: `ready` settles once the current locale's words are, and every switch waits for them.
 * Call `dispose()` on unmount to stop following.
 */
export function createDashI18n(appMessages: Partial<AppMessages> = {}) {
  const ownWords = wordsFrom(appMessages);
  const english: MessageTree = { ...sharedMessages.en, ...appMessages.en };
  const i18n = createI18n({
    legacy: false,
    locale: 'en' as string,
    fallbackLocale: 'en',
    messages: { en: english } as Record<string, MessageTree>,
  });
  const loaded = new Set<Locale>(['en']);
  const merge = (locale: Locale, shared: MessageTree | undefined, own: MessageTree | undefined) => {
    i18n.global.setLocaleMessage(locale, { ...shared, ...own });
    loaded.add(locale);
  };
  /** Puts a locale's words in place: at once when they are at hand, else once fetched. */
  const load = (locale: Locale): Promise<void> | undefined => {
    if (loaded.has(locale)) return undefined;
    const shared = sharedWords(locale);
    const own = ownWords(locale);
    if (!pending(shared) && !pending(own)) {
      merge(locale, shared as MessageTree | undefined, own as MessageTree | undefined);
      return undefined;
    }
    return Promise.all([shared, own]).then(([sharedTree, ownTree]) =>
      merge(locale, sharedTree, ownTree),
    );
  };
  /** Shows a locale once its words are there (in English, word by word, if they never come). */
  const show = (locale: Locale): Promise<void> => {
    const loading = load(locale);
    if (!loading) {
      i18n.global.locale.value = locale;
      return Promise.resolve();
    }
    return loading
      .catch(() => undefined)
      .then(() => {
        if (getLocale() === locale) i18n.global.locale.value = locale;
      });
  };
  const ready = show(getLocale());
  const stopLoading = loadBeforeSwitch(load);
  const stopFollowing = onDashEvent('dash:locale-changed', ({ locale }) => void show(locale));
  const dispose = () => {
    stopLoading();
    stopFollowing();
  };
  return { i18n, ready, dispose };
}

function lookup(tree: MessageTree | undefined, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/**
 * Looks up a shared word outside Vue (the shell's static frame), in English while the locale's
 * words are still on their way.
 */
export function sharedMessage(key: string, locale: Locale = getLocale()): string {
  const words = sharedWords(locale);
  return (
    (pending(words) ? undefined : lookup(words as MessageTree | undefined, key)) ??
    lookup(sharedMessages.en, key) ??
    key
  );
}

/** Settles once the shared words of `locale` are there (or could not be fetched). */
export async function loadSharedMessages(locale: Locale = getLocale()): Promise<void> {
  await Promise.resolve(sharedWords(locale)).catch(() => undefined);
}
