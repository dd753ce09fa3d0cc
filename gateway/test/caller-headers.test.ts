import { describe, expect, it } from 'vitest';
import { verifyCaller, type Caller } from '@dash/auth-context';
import { TEST_SECRET_KEYS } from '@dash/subgraph/testing';
import { CallerHeaders } from '../src/caller-forwarding.js';

const platform: Caller = { kind: 'platform', platformId: 'plat_a', livemode: false, keyId: 'k1' };
const other: Caller = { kind: 'platform', platformId: 'plat_b', livemode: false, keyId: 'k2' };
const at = Date.parse('2026-01-01T00:00:00.000Z');

describe('caller headers', () => {
  it('signs a caller once a second and the subgraph accepts the same header within it', () => {
    const headers = new CallerHeaders(TEST_SECRET_KEYS, 'ledger');
    const first = headers.headerFor(platform, at);
    expect(headers.headerFor(platform, at + 999)).toBe(first);
    expect(verifyCaller(first, TEST_SECRET_KEYS, { audience: 'ledger', now: at + 999 })).toEqual(
      platform,
    );
    // The next second's header is a new one, issued then.
    const next = headers.headerFor(platform, at + 1_000);
    expect(next).not.toBe(first);
    expect(verifyCaller(next, TEST_SECRET_KEYS, { audience: 'ledger', now: at + 1_000 })).toEqual(
      platform,
    );
  });

  it('never hands one caller the header of another, nor one subgraph the header of another', () => {
    const headers = new CallerHeaders(TEST_SECRET_KEYS, 'ledger');
    const mine = headers.headerFor(platform, at);
    const theirs = headers.headerFor(other, at);
    expect(verifyCaller(theirs, TEST_SECRET_KEYS, { audience: 'ledger', now: at })).toEqual(other);
    expect(verifyCaller(mine, TEST_SECRET_KEYS, { audience: 'ledger', now: at })).toEqual(platform);
    expect(() => verifyCaller(mine, TEST_SECRET_KEYS, { audience: 'payouts', now: at })).toThrow(
      /another service/,
    );
  });
});
