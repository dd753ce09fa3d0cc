import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, idKindOf, isId, monotonicIds, newId } from '../src/index.js';

describe('ids', () => {
  it('makes Stripe-shaped ids with the kind prefix', () => {
    const id = newId('account');
    expect(id).toMatch(/^acct_[0-9A-Za-z]{24}$/);
    expect(isId('account', id)).toBe(true);
    expect(isId('payout', id)).toBe(false);
    expect(idKindOf(newId('payout'))).toBe('payout');
    expect(idKindOf('po_short')).toBeUndefined();
    expect(idKindOf('zz_000000000000000000000000')).toBeUndefined();
  });

  it('sorts by creation time', () => {
    const earlier = newId('charge', Date.UTC(2024, 0, 1));
    const later = newId('charge', Date.UTC(2024, 0, 1, 0, 0, 0, 1));
    expect(earlier < later).toBe(true);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('event')));
    expect(ids.size).toBe(10_000);
  });

  it('draws every character of the random part equally often, across many refills of its random bytes', () => {
    const counts = new Map<string, number>();
    const ids = 20_000; // about eighty refills of the pool the random parts are drawn from
    for (let i = 0; i < ids; i += 1)
      for (const char of newId('event').slice(-16)) counts.set(char, (counts.get(char) ?? 0) + 1);
    const expected = (ids * 16) / 62;
    // 62 characters, each within six standard deviations of its share.
    expect(counts.size).toBe(62);
    for (const count of counts.values())
      expect(Math.abs(count - expected)).toBeLessThan(6 * Math.sqrt(expected));
  });

  it('keeps the order they were made within one millisecond, and when the clock steps back', () => {
    let now = Date.UTC(2026, 0, 1);
    const next = monotonicIds(() => now);
    const ids = Array.from({ length: 1_000 }, () => next('event'));
    now -= 5; // a clock adjusted backwards must not reorder what comes after
    ids.push(...Array.from({ length: 100 }, () => next('event')));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => isId('event', id))).toBe(true);
  });

  it('has unique prefixes', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
