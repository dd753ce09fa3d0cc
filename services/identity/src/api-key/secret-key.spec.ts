import { describe, expect, it } from 'vitest';
import { hashSecret, newSecretKey, parseSecretKey } from './secret-key.rules.js';

describe('secret keys', () => {
  it('look like Stripe keys of their mode, and are never the same twice', () => {
    const live = newSecretKey(true);
    expect(live).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(newSecretKey(false)).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(newSecretKey(true)).not.toBe(live);
    expect(parseSecretKey(live)).toEqual({ livemode: true });
    expect(parseSecretKey('sk_test_short')).toBeUndefined();
  });

  it('are kept as a hash that finds them again', () => {
    expect(hashSecret('sk_test_a')).toBe(hashSecret('sk_test_a'));
    expect(hashSecret('sk_test_a')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret('sk_test_a')).not.toBe(hashSecret('sk_test_b'));
  });
});
