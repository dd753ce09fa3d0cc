import { describe, expect, it } from 'vitest';
import { keyRing } from '@dash/config';
import { signCaller, verifyCaller, type Caller } from '../src/index.js';

const keys = keyRing('a:a-root-secret-of-at-least-thirty-two-chars');
const ledger = { audience: 'ledger' };
const caller: Caller = {
  kind: 'account',
  accountId: 'acct_1',
  platformId: 'plat_1',
  livemode: false,
};

describe('caller signing', () => {
  it('round-trips a caller', () => {
    expect(verifyCaller(signCaller(caller, keys, ledger), keys, ledger)).toEqual(caller);
  });

  it('rejects another secret, tampering and garbage', () => {
    const header = signCaller(caller, keys, ledger);
    const otherRoot = keyRing('a:another-root-secret-of-thirty-two-chars');
    expect(() => verifyCaller(header, otherRoot, ledger)).toThrow(/bad signature/);
    const [kid, payload, signature] = header.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        caller: { ...caller, accountId: 'acct_2' },
        aud: 'ledger',
        iat: 0,
        exp: 9e9,
      }),
    ).toString('base64url');
    expect(() => verifyCaller(`${kid}.${forged}.${signature}`, keys, ledger)).toThrow(
      /bad signature/,
    );
    expect(payload).toBeTruthy();
    expect(() => verifyCaller('nonsense', keys, ledger)).toThrow(/malformed/);
    expect(() => verifyCaller(`zz.${payload}.${signature}`, keys, ledger)).toThrow(/unknown key/);
  });

  it('expires', () => {
    const now = Date.UTC(2026, 0, 1);
    const header = signCaller(caller, keys, { audience: 'ledger', now, ttlSeconds: 60 });
    expect(verifyCaller(header, keys, { audience: 'ledger', now: now + 59_000 })).toEqual(caller);
    expect(() => verifyCaller(header, keys, { audience: 'ledger', now: now + 61_000 })).toThrow(
      /expired/,
    );
  });

  it('refuses a header signed for another service, whatever its signature', () => {
    const forLedger = signCaller(caller, keys, ledger);
    expect(() => verifyCaller(forLedger, keys, { audience: 'payouts' })).toThrow(
      /signed for another service/,
    );
    // Rewriting the audience breaks the signature.
    const [kid, payload, signature] = forLedger.split('.');
    const envelope = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const moved = Buffer.from(JSON.stringify({ ...envelope, aud: 'payouts' })).toString(
      'base64url',
    );
    expect(() =>
      verifyCaller(`${kid}.${moved}.${signature}`, keys, { audience: 'payouts' }),
    ).toThrow(/bad signature/);
  });

  it('keeps accepting headers of the previous key through a rotation, and signs with the new one', () => {
    const before = keyRing('a:a-root-secret-of-at-least-thirty-two-chars');
    const during = keyRing(
      'b:the-next-root-secret-of-thirty-two-chars',
      'a:a-root-secret-of-at-least-thirty-two-chars',
    );
    const after = keyRing('b:the-next-root-secret-of-thirty-two-chars');
    const signedBefore = signCaller(caller, before, ledger);
    expect(verifyCaller(signedBefore, during, ledger)).toEqual(caller);
    const signedDuring = signCaller(caller, during, ledger);
    expect(signedDuring.startsWith('b.')).toBe(true);
    expect(verifyCaller(signedDuring, after, ledger)).toEqual(caller);
    // Once the old root is gone, what it signed is refused.
    expect(() => verifyCaller(signedBefore, after, ledger)).toThrow(/unknown key/);
  });
});
