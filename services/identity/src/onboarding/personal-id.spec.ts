import { describe, expect, it } from 'vitest';
import { keyRing } from '@dash/config';
import { seal, sealedUnderOlderKey, unseal } from './personal-id.rules.js';

const rootA = 'a:a-root-secret-of-at-least-thirty-two-chars';
const rootB = 'b:the-next-root-secret-of-thirty-two-chars';
const before = keyRing(rootA);
const after = keyRing(rootB, rootA);

describe('personal ids', () => {
  it('are sealed, and open again after the keys rotate', () => {
    const sealed = seal('123456789', before);
    expect(sealed).not.toContain('123456789');
    expect(unseal(sealed, before)).toBe('123456789');
    expect(unseal(sealed, after)).toBe('123456789');
  });

  it('are told apart when sealed under an older key, so they can be moved on', () => {
    expect(sealedUnderOlderKey(seal('1', before), after)).toBe(true);
    expect(sealedUnderOlderKey(seal('1', after), after)).toBe(false);
    expect(sealedUnderOlderKey('plain', after)).toBe(false);
    expect(unseal('plain', after)).toBe('plain');
  });
});
