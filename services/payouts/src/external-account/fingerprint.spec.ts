import { describe, expect, it } from 'vitest';
import { keyRing } from '@dash/config';
import { bankFingerprint } from './fingerprint.rules.js';

const ROOT = 'k1:the-first-root-secret-of-thirty-two-chars';
const account = {
  kind: 'bank_account' as const,
  country: 'US',
  routingNumber: '110000000',
  number: '000123456789',
};

describe('bank fingerprints', () => {
  it('are the same for the same details, and differ for other details', () => {
    const keys = keyRing(ROOT);
    expect(bankFingerprint(keys, account)).toBe(bankFingerprint(keys, { ...account }));
    expect(bankFingerprint(keys, { ...account, number: '000123456780' })).not.toBe(
      bankFingerprint(keys, account),
    );
  });

  it('stay the same when a new root is put first, and change with another key', () => {
    const before = bankFingerprint(keyRing(ROOT), account);
    expect(
      bankFingerprint(keyRing('k2:the-next-root-secret-of-thirty-two-chars', ROOT), account),
    ).toBe(before);
    expect(bankFingerprint(keyRing('k1:a-guessed-secret-of-thirty-two-chars!'), account)).not.toBe(
      before,
    );
  });
});
