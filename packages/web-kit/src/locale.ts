/** The dashboard's languages. Adding one means adding its messages everywhere. */
export const LOCALES = ['en', 'zh-CN', 'ja', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, as a language picker lists it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  ja: '日本語',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale a language subtag stands for: every Chinese reads Simplified, every German de. */
const BY_LANGUAGE: Readonly<Record<string, Locale>> = {
  en: 'en',
  zh: 'zh-CN',
  ja: 'ja',
  de: 'de',
  fr: 'fr',
  es: 'es',
};

function languageOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    // Not a language tag (a browser setting can say anything).
    return undefined;
  }
}

/**
 * The closest supported locale for the browser's language tags, in the browser's order:
 * zh-Hans-CN → zh-CN, ja-JP → ja, de-AT → de, fr-CA → fr, es-419 → es; English otherwise.
 */
export function matchLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    if (isLocale(tag)) return tag;
    const language = languageOf(tag);
    if (language && BY_LANGUAGE[language]) return BY_LANGUAGE[language];
  }
  return 'en';
}
