import { describe, expect, it } from 'vitest';
import { LOCALES, messagePaths, sharedMessages, type MessageTree } from '../src/index.js';

/** Every micro-frontend's own words, by its folder. */
const microfrontendWords = Object.entries(
  import.meta.glob<{ messages: Partial<Record<string, MessageTree>> }>(
    '../../../microfrontends/*/src/messages.ts',
    { eager: true },
  ),
).map(([file, module]) => [file.split('/').at(-3)!, module.messages] as const);

describe('every word in every language', () => {
  it('finds the words of every micro-frontend', () => {
    expect(microfrontendWords.map(([name]) => name)).toEqual(
      expect.arrayContaining(['balance', 'login', 'onboarding', 'payouts', 'settings']),
    );
  });

  it.each([['shared', sharedMessages] as const, ...microfrontendWords])(
    '%s: each language has exactly the words English has',
    (_name, messages) => {
      const english = messagePaths(messages.en!);
      expect(english.length).toBeGreaterThan(0);
      for (const locale of LOCALES) expect(messagePaths(messages[locale] ?? {})).toEqual(english);
    },
  );
});
