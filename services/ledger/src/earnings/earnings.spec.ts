import { describe, expect, it } from 'vitest';
import { bucketEarnings, earningsWindow } from './earnings.rules.js';

const iso = (date: Date) => date.toISOString();

describe('earnings buckets', () => {
  it('cuts days at local midnight, 23 hours long on the day clocks go forward', () => {
    // Europe/Paris moves from UTC+1 to UTC+2 on 2026-03-29.
    const now = new Date('2026-03-30T10:00:00Z');
    const window = earningsWindow('last_7_days', now, 'Europe/Paris', null);
    expect(window.starts.map(iso)).toEqual([
      '2026-03-23T23:00:00.000Z',
      '2026-03-24T23:00:00.000Z',
      '2026-03-25T23:00:00.000Z',
      '2026-03-26T23:00:00.000Z',
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    expect(iso(window.end)).toBe('2026-03-30T22:00:00.000Z');
    expect(window.previousStarts).toHaveLength(7);
    expect(iso(window.previousStarts[0]!)).toBe('2026-03-16T23:00:00.000Z');
  });

  it('puts an hour in the bucket it falls in, and the period before in the comparison', () => {
    const now = new Date('2026-06-10T12:30:00Z');
    const window = earningsWindow('last_24_hours', now, 'Asia/Shanghai', null);
    expect(window.starts).toHaveLength(24);
    expect(iso(window.starts.at(-1)!)).toBe('2026-06-10T12:00:00.000Z');
    const { buckets, previous } = bucketEarnings(window, [
      { hour: new Date('2026-06-10T12:00:00Z'), net: 500 },
      { hour: new Date('2026-06-10T12:00:00Z'), net: -200 },
      { hour: new Date('2026-06-09T13:00:00Z'), net: 100 },
      { hour: new Date('2026-06-09T12:00:00Z'), net: 40 }, // the day before: comparison
      { hour: new Date('2026-06-08T11:00:00Z'), net: 7 }, // older still: neither
    ]);
    expect(buckets.at(-1)!.net).toBe(300);
    expect(buckets[0]!.net).toBe(100);
    expect(previous.at(-1)!.net).toBe(40);
    expect(previous.reduce((sum, b) => sum + b.net, 0)).toBe(40);
  });

  it('runs lifetime by the month from the first activity, weeks from Monday', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const lifetime = earningsWindow(
      'lifetime',
      now,
      'America/New_York',
      new Date('2026-08-31T12:00:00Z'),
    );
    expect(lifetime.starts.map(iso)).toEqual([
      '2026-08-01T04:00:00.000Z',
      '2026-09-01T04:00:00.000Z',
      '2026-10-01T04:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
    ]);
    expect(lifetime.previousStarts).toEqual([]);
    const year = earningsWindow('last_year', now, 'UTC', null);
    expect(year.starts).toHaveLength(52);
    expect(year.starts.every((start) => start.getUTCDay() === 1)).toBe(true);
    const months = earningsWindow('last_3_months', now, 'UTC', null);
    expect(iso(months.starts[0]!)).toBe('2026-08-26T00:00:00.000Z');
  });

  it('shares a window only between readers of the same range, zone and current bucket', () => {
    const morning = new Date('2026-06-10T01:00:00Z');
    const paris = earningsWindow('last_7_days', morning, 'Europe/Paris', null);
    // The same local day in Paris: the same window, whatever the hour.
    expect(
      earningsWindow('last_7_days', new Date('2026-06-10T20:00:00Z'), 'Europe/Paris', null),
    ).toBe(paris);
    // Past local midnight, another window, one day on.
    const tomorrow = earningsWindow(
      'last_7_days',
      new Date('2026-06-10T22:30:00Z'),
      'Europe/Paris',
      null,
    );
    expect(iso(tomorrow.end)).toBe('2026-06-11T22:00:00.000Z');
    expect(iso(paris.end)).toBe('2026-06-10T22:00:00.000Z');
    // The same instant in another zone (still the 9th in New York), or another range: its own.
    const newYork = earningsWindow('last_7_days', morning, 'America/New_York', null);
    expect(iso(newYork.end)).toBe('2026-06-10T04:00:00.000Z');
    expect(earningsWindow('last_4_weeks', morning, 'Europe/Paris', null).starts).toHaveLength(28);
    // Lifetime windows differ by the month of the first activity.
    const since = (first: string) =>
      earningsWindow('lifetime', morning, 'UTC', new Date(first)).starts.length;
    expect([since('2026-04-15T00:00:00Z'), since('2026-05-15T00:00:00Z')]).toEqual([3, 2]);
    // Shared, so frozen: nobody can change another reader's buckets.
    expect(Object.isFrozen(paris.starts)).toBe(true);
  });
});
