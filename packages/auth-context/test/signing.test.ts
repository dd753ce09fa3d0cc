import { describe, expect, it } from 'vitest';
import { signCaller, verifyCaller, type Caller } from '../src/index.js';

const secret = 'a-secret-of-at-least-sixteen';
const caller: Caller = {
  kind: 'account',
  accountId: 'acct_1',
  platformId: 'plat_1',
  livemode: false,
};

describe('caller signing', () => {
  it('round-trips a caller', () => {
    expect(verifyCaller(signCaller(caller, secret), secret)).toEqual(caller);
  });

  it('rejects another secret, tampering and garbage', () => {
    const header = signCaller(caller, secret);
    expect(() => verifyCaller(header, 'another-secret-sixteen')).toThrow(/bad signature/);
    const [payload, signature] = header.split('.');
    const forged = Buffer.from(
      JSON.stringify({ caller: { ...caller, accountId: 'acct_2' }, iat: 0, exp: 9e9 }),
    ).toString('base64url');
    expect(() => verifyCaller(`${forged}.${signature}`, secret)).toThrow(/bad signature/);
    expect(payload).toBeTruthy();
    expect(() => verifyCaller('nonsense', secret)).toThrow(/malformed/);
  });

  it('expires', () => {
    const now = Date.UTC(2026, 0, 1);
    const header = signCaller(caller, secret, { now, ttlSeconds: 60 });
    expect(verifyCaller(header, secret, now + 59_000)).toEqual(caller);
    expect(() => verifyCaller(header, secret, now + 61_000)).toThrow(/expired/);
  });
});
