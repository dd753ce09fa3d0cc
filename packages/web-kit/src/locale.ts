/** The dashboard's languages. Adding one means adding its messages everywhere. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The closest supported locale for a browser language tag: zh, zh-Hans, zh-CN → zh-CN. */
export function matchLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    if (isLocale(tag)) return tag;
    if (tag.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}
