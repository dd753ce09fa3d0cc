import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import {
  LOCALES,
  messagePaths,
  sharedMessages,
  type AppMessages,
  type Locale,
  type MessageTree,
} from '../src/index.js';

/** Every micro-frontend's own words, by its folder. */
const microfrontendWords = Object.entries(
  import.meta.glob<{ messages: Partial<AppMessages> }>(
    '../../../microfrontends/*/src/messages.ts',
    { eager: true },
  ),
).map(([file, module]) => [file.split('/').at(-3)!, module.messages] as const);

/** A language's words as a page gets them: shipped with the module, or fetched when chosen. */
async function wordsIn(messages: Partial<AppMessages>, locale: Locale): Promise<MessageTree> {
  const words = messages[locale];
  if (words === undefined) return {};
  return typeof words === 'function' ? (await words()).default : words;
}

/** Each message by its path, for comparing one language's words with English's. */
function byPath(tree: MessageTree, at = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree))
    if (typeof value === 'string') found.set(`${at}${key}`, value);
    else for (const [path, text] of byPath(value, `${at}${key}.`)) found.set(path, text);
  return found;
}

/** What a translation must keep of a message: its {placeholders} and its plural branches. */
const shape = (message: string) => ({
  placeholders: [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map(([, name]) => name).sort(),
  branches: message.split('|').length,
});

/** A message as vue-i18n compiles it: a bare `@` or an unclosed brace throws. */
function compiles(message: string): true {
  const i18n = createI18n({ legacy: false, locale: 'any', messages: { any: { message } } });
  i18n.global.t('message', 2, { named: {} });
  return true;
}

const everyApp = [['shared', sharedMessages] as const, ...microfrontendWords];

describe('every word in every language', () => {
  it('finds the words of every micro-frontend', () => {
    expect(microfrontendWords.map(([name]) => name)).toEqual(
      expect.arrayContaining(['balance', 'login', 'onboarding', 'payouts', 'settings']),
    );
  });

  it.each(everyApp)(
    '%s: each language has exactly the words English has',
    async (_name, messages) => {
      const english = messagePaths(messages.en!);
      expect(english.length).toBeGreaterThan(0);
      for (const locale of LOCALES) {
        expect(messages[locale], `${locale} is missing`).toBeDefined();
        expect(messagePaths(await wordsIn(messages, locale)), locale).toEqual(english);
      }
    },
  );

  it.each(everyApp)(
    '%s: each translation compiles and keeps the placeholders and plural forms of English',
    async (_name, messages) => {
      const english = byPath(messages.en!);
      for (const locale of LOCALES) {
        const translated = byPath(await wordsIn(messages, locale));
        for (const [path, message] of translated) {
          expect(() => compiles(message), `${locale} ${path}`).not.toThrow();
          expect(shape(message), `${locale} ${path}`).toEqual(shape(english.get(path) ?? ''));
        }
      }
    },
  );

  it('has every email, text message and activity item in every language', async () => {
    const { TEXTS } = await import('../../../services/notifications/src/texts/texts.js');
    const { LOCALES: messageLocales } =
      await import('../../../services/notifications/src/activity/formats.rules.js');
    expect([...messageLocales]).toEqual([...LOCALES]);
    /** Each text's path; a text is a string or what writes one from its facts. */
    const paths = (tree: object, at = ''): string[] =>
      Object.entries(tree)
        .flatMap(([key, value]) =>
          typeof value === 'object' ? paths(value as object, `${at}${key}.`) : [`${at}${key}`],
        )
        .sort();
    const english = paths(TEXTS.en);
    expect(english).toContain('templates.login-code');
    for (const locale of LOCALES) expect(paths(TEXTS[locale]), locale).toEqual(english);
  });

  it('has the shell’s words: the frame’s and each navigation link’s', async () => {
    const { default: page } = await import('../../../shell/static/index.html?raw');
    const keys = [...page.matchAll(/data-i18n(?:-label)?="([\w.]+)"/g)].map(([, key]) => key!);
    // The navigation links the shell makes of the manifest: Home, then each page with `nav`.
    const { MICROFRONTENDS } = await import('../../manifest/src/manifest.js');
    keys.push('nav.home');
    for (const entry of MICROFRONTENDS) if ('nav' in entry) keys.push(`nav.${entry.name}`);
    expect(keys).toContain('common.testMode');
    expect(messagePaths(sharedMessages.en)).toEqual(expect.arrayContaining(keys));
  });
});
