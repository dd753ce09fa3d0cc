import { describe, expect, it } from 'vitest';
import { keyRing } from '@dash/config';
import { codeHashingSecret, codeMatches, hashCode } from './code.rules.js';

const rootA = 'a:a-root-secret-of-at-least-thirty-two-chars';
const rootB = 'b:the-next-root-secret-of-thirty-two-chars';

describe('code hashes', () => {
  it('name their key, so a code sent just before a rotation still matches after it', () => {
    const before = codeHashingSecret(keyRing(rootA));
    const stored = hashCode(before, 'lch_1', '123456');
    expect(stored).toMatch(/^a:[\w-]{43}$/);
    expect(stored.length).toBeLessThanOrEqual(64); // the column is CHAR(64)
    const during = codeHashingSecret(keyRing(rootB, rootA));
    expect(codeMatches(during, 'lch_1', '123456', stored)).toBe(true);
    expect(codeMatches(during, 'lch_1', '654321', stored)).toBe(false);
    expect(hashCode(during, 'lch_2', '123456')).toMatch(/^b:/);
    // Bound to the challenge, and useless once the root that made it is gone.
    expect(codeMatches(during, 'lch_2', '123456', stored)).toBe(false);
    expect(codeMatches(codeHashingSecret(keyRing(rootB)), 'lch_1', '123456', stored)).toBe(false);
  });

  it('use a key of their own, not the caller-signing or sealing key', () => {
    const keys = keyRing(rootA);
    const codeKey = keys.current('code-hashing').key;
    for (const purpose of ['caller-signing', 'personal-data', 'delivery'] as const)
      expect(keys.current(purpose).key.equals(codeKey)).toBe(false);
  });
});
