import { createI18n } from 'vue-i18n';
import type { Locale } from './locale.js';
import { sharedMessages, type MessageTree } from './messages.js';
import { getLocale, onDashEvent } from './state.js';

type Messages = Record<Locale, MessageTree>;

/**
 * A vue-i18n instance for one micro-frontend: the shared words plus the app's own, following the
 * shared locale as it changes. Call `dispose()` on unmount to stop following.
 */
export function createDashI18n(appMessages?: Partial<Messages>) {
  const messages = {
    en: { ...sharedMessages.en, ...appMessages?.en },
    'zh-CN': { ...sharedMessages['zh-CN'], ...appMessages?.['zh-CN'] },
  };
  const i18n = createI18n({
    legacy: false,
    locale: getLocale() as string,
    fallbackLocale: 'en',
    messages,
  });
  const dispose = onDashEvent('dash:locale-changed', ({ locale }) => {
    i18n.global.locale.value = locale;
  });
  return { i18n, dispose };
}

/** Looks up a shared word outside Vue (the shell's static frame). */
export function sharedMessage(key: string, locale: Locale = getLocale()): string {
  let node: unknown = sharedMessages[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}
