import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEV_INTERNAL_SECRET,
  keyRing,
  loadConfig,
  openValue,
  secretKeyFields,
  secretKeysOf,
  sealValue,
  TEST_INTERNAL_SECRET,
} from '../src/index.js';

const rootA = 'a-root-secret-of-at-least-thirty-two-chars';
const rootB = 'the-next-root-secret-of-thirty-two-chars';
const keysFrom = (env: Record<string, string>) =>
  secretKeysOf(loadConfig(secretKeyFields(), env) as Parameters<typeof secretKeysOf>[0]);
const problemsOf = (load: () => unknown): string[] => {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('secret keys from the environment', () => {
  it('refuses to start without NODE_ENV, saying what to set', () => {
    expect(problemsOf(() => keysFrom({ DASH_SECRET_KEYS: `a:${rootA}` }))).toEqual([
      expect.stringMatching(/^NODE_ENV: must be development, test or production.*\(not set\)$/),
    ]);
  });

  it('refuses production without a secret, or with one published in this repository', () => {
    expect(problemsOf(() => keysFrom({ NODE_ENV: 'production' }))[0]).toMatch(
      /DASH_SECRET_KEYS: must be set in production/,
    );
    for (const published of [DEV_INTERNAL_SECRET, TEST_INTERNAL_SECRET])
      expect(
        problemsOf(() =>
          keysFrom({ NODE_ENV: 'production', DASH_SECRET_KEYS: `k2:${rootB},k1:${published}` }),
        )[0],
      ).toMatch(/key "k1" is the development or test secret published with this project/);
    expect(
      problemsOf(() =>
        keysFrom({ NODE_ENV: 'production', DASH_INTERNAL_SECRET: DEV_INTERNAL_SECRET }),
      )[0],
    ).toMatch(/published/);
  });

  it('falls back to the development secret only in development and test', () => {
    expect(keysFrom({ NODE_ENV: 'development' }).roots).toEqual([
      { kid: 'dev', secret: DEV_INTERNAL_SECRET },
    ]);
    expect(keysFrom({ NODE_ENV: 'test' }).currentKid).toBe('dev');
  });

  it('reads kid:secret pairs, current first, and DASH_INTERNAL_SECRET as key k1', () => {
    const keys = keysFrom({ NODE_ENV: 'production', DASH_SECRET_KEYS: `b:${rootB}, a:${rootA}` });
    expect(keys.roots.map((root) => root.kid)).toEqual(['b', 'a']);
    expect(keys.currentKid).toBe('b');
    expect(keysFrom({ NODE_ENV: 'production', DASH_INTERNAL_SECRET: rootA }).currentKid).toBe('k1');
    expect(
      problemsOf(() => keysFrom({ NODE_ENV: 'test', DASH_SECRET_KEYS: 'a:short' }))[0],
    ).toMatch(
      /DASH_SECRET_KEYS: the secret of key "a" must be at least 32 characters \(got "a:short"\)/,
    );
    expect(
      problemsOf(() =>
        keysFrom({ NODE_ENV: 'test', DASH_SECRET_KEYS: `a:${rootA},a:${rootB}` }),
      )[0],
    ).toMatch(/listed twice/);
    expect(
      problemsOf(() =>
        keysFrom({ NODE_ENV: 'test', DASH_SECRET_KEYS: `a:${rootA}`, DASH_INTERNAL_SECRET: rootB }),
      )[0],
    ).toMatch(/not both/);
  });
});

describe('keys per purpose', () => {
  it('derives a different key for each purpose and each root', () => {
    const keys = keyRing(`b:${rootB}`, `a:${rootA}`);
    const derived = (
      ['caller-signing', 'code-hashing', 'personal-data', 'bank-fingerprint', 'delivery'] as const
    ).flatMap((purpose) => keys.all(purpose).map(({ key }) => key.toString('hex')));
    expect(new Set(derived).size).toBe(10);
    // Deterministic: the same root gives the same key in every process.
    expect(keyRing(`a:${rootA}`).current('delivery').key).toEqual(keys.key('delivery', 'a')!.key);
  });

  it('opens what was sealed under key A after B becomes current, and names the key', () => {
    const sealed = sealValue(keyRing(`a:${rootA}`), 'personal-data', '123456789', 'ctx');
    expect(sealed).toMatch(/^sealed:v2:a:/);
    expect(sealed).not.toContain('123456789');
    const rotated = keyRing(`b:${rootB}`, `a:${rootA}`);
    expect(openValue(rotated, 'personal-data', sealed, 'ctx')).toBe('123456789');
    expect(sealValue(rotated, 'personal-data', 'x')).toMatch(/^sealed:v2:b:/);
    // Sealed for one purpose or context, it opens for no other; without its root, not at all.
    expect(() => openValue(rotated, 'delivery', sealed, 'ctx')).toThrow(/tampered/);
    expect(() => openValue(rotated, 'personal-data', sealed, 'other')).toThrow(/tampered/);
    expect(() => openValue(keyRing(`b:${rootB}`), 'personal-data', sealed, 'ctx')).toThrow(
      /key id "a" is not configured/,
    );
  });
});
