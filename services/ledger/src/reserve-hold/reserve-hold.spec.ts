import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holdAmount,
  releaseAmount,
  releaseOn,
  reserveHoldEntry,
  reserveReleaseEntry,
} from './reserve-hold.rules.js';

const parties = {
  accountId: 'acct_1',
  platformId: 'plat_1',
  currency: 'usd',
  sourceId: 'ch_1',
  description: 'Rolling reserve',
  now: new Date('2026-06-01T10:00:00Z'),
};

describe('holdAmount', () => {
  it('holds percent of the net, rounded down', () => {
    expect(holdAmount(9_680, 10, 1_000_000)).toBe(968);
    expect(holdAmount(9_689, 10, 1_000_000)).toBe(968);
    expect(holdAmount(1, 50, 100)).toBe(0);
  });

  it('never holds more than is available, nor anything of a non-positive net', () => {
    expect(holdAmount(10_000, 10, 300)).toBe(300);
    expect(holdAmount(10_000, 10, -50)).toBe(0);
    expect(holdAmount(0, 10, 100)).toBe(0);
    expect(holdAmount(-100, 10, 100)).toBe(0);
  });

  it('is always a whole amount between 0 and the percent of the net', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 50 }),
        (net, percent) => {
          const held = holdAmount(net, percent, Number.MAX_SAFE_INTEGER);
          expect(Number.isInteger(held)).toBe(true);
          expect(held).toBeLessThanOrEqual((net * percent) / 100);
          expect(held).toBeGreaterThan((net * percent) / 100 - 1);
        },
      ),
    );
  });
});

describe('releaseOn', () => {
  it('is the start of the held day, days later', () => {
    expect(releaseOn(new Date('2026-06-01T23:59:59Z'), 30)).toEqual(
      new Date('2026-07-01T00:00:00Z'),
    );
    expect(releaseOn(new Date('2026-06-01T00:00:00Z'), 1)).toEqual(
      new Date('2026-06-02T00:00:00Z'),
    );
  });
});

describe('releaseAmount', () => {
  it('releases what was held, capped at what the reserve still has', () => {
    expect(releaseAmount(968, 5_000)).toBe(968);
    expect(releaseAmount(968, 500)).toBe(500);
    expect(releaseAmount(968, -20)).toBe(0);
  });
});

describe('entries', () => {
  it('a hold moves money from available to the reserve, and a release back', () => {
    const hold = reserveHoldEntry({ ...parties, amount: 968 });
    expect(hold).toMatchObject({
      type: 'reserve_hold',
      amount: -968,
      net: -968,
      status: 'available',
      earnings: 0,
      postings: [
        { ledgerAccount: 'acct:acct_1:available', amount: -968 },
        { ledgerAccount: 'acct:acct_1:reserve', amount: 968 },
      ],
    });
    const release = reserveReleaseEntry({ ...parties, amount: 500 });
    expect(release).toMatchObject({
      type: 'reserve_release',
      amount: 500,
      net: 500,
      postings: [
        { ledgerAccount: 'acct:acct_1:reserve', amount: -500 },
        { ledgerAccount: 'acct:acct_1:available', amount: 500 },
      ],
    });
  });
});
