import { describe, expect, it } from 'vitest';
import {
  duePeriod,
  nextPayoutDay,
  payoutCutoff,
  type PayoutScheduleRule,
} from './schedule.rules.js';

const rule = (change: Partial<PayoutScheduleRule>): PayoutScheduleRule => ({
  interval: 'daily',
  delayDays: 2,
  weeklyAnchor: null,
  monthlyAnchor: null,
  timeZone: 'UTC',
  ...change,
});
const at = (iso: string) => new Date(iso);

describe('payout schedules', () => {
  it('daily: one period per local day', () => {
    expect(duePeriod(rule({}), at('2026-11-25T10:00:00Z'))).toBe('daily:2026-11-25');
    expect(duePeriod(rule({}), at('2026-11-25T23:59:59Z'))).toBe('daily:2026-11-25');
    expect(duePeriod(rule({}), at('2026-11-26T00:00:00Z'))).toBe('daily:2026-11-26');
  });

  it('weekly: only on the anchor day', () => {
    const fridays = rule({ interval: 'weekly', weeklyAnchor: 'friday' });
    expect(duePeriod(fridays, at('2026-11-27T09:00:00Z'))).toBe('weekly:2026-11-27');
    expect(duePeriod(fridays, at('2026-11-26T09:00:00Z'))).toBeNull();
    expect(nextPayoutDay(fridays, at('2026-11-24T09:00:00Z'))).toBe('2026-11-27');
  });

  it('monthly: the anchor day, clamped to the end of shorter months', () => {
    const on31st = rule({ interval: 'monthly', monthlyAnchor: 31 });
    expect(duePeriod(on31st, at('2027-02-28T12:00:00Z'))).toBe('monthly:2027-02');
    expect(duePeriod(on31st, at('2028-02-28T12:00:00Z'))).toBeNull(); // a leap year
    expect(duePeriod(on31st, at('2028-02-29T12:00:00Z'))).toBe('monthly:2028-02');
    expect(duePeriod(on31st, at('2026-04-30T12:00:00Z'))).toBe('monthly:2026-04');
    expect(duePeriod(on31st, at('2026-05-30T12:00:00Z'))).toBeNull();
    expect(nextPayoutDay(on31st, at('2026-11-25T12:00:00Z'))).toBe('2026-11-30');
  });

  it("counts days in the schedule's time zone", () => {
    // 23:30 UTC on Thursday is already Friday morning in Tokyo, still Thursday in Los Angeles.
    const moment = at('2026-11-26T23:30:00Z');
    const fridays = (timeZone: string) =>
      rule({ interval: 'weekly', weeklyAnchor: 'friday', timeZone });
    expect(duePeriod(fridays('Asia/Tokyo'), moment)).toBe('weekly:2026-11-27');
    expect(duePeriod(fridays('America/Los_Angeles'), moment)).toBeNull();
    expect(duePeriod(rule({ timeZone: 'Asia/Tokyo' }), moment)).toBe('daily:2026-11-27');
  });

  it('holds payments back by the rolling delay, from the start of the local day', () => {
    const moment = at('2026-11-26T23:30:00Z');
    expect(payoutCutoff(rule({ delayDays: 2 }), moment).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    // Already Friday in Tokyo: two days before Friday 00:00 there (15:00 UTC the day before).
    expect(payoutCutoff(rule({ delayDays: 2, timeZone: 'Asia/Tokyo' }), moment).toISOString()).toBe(
      '2026-11-24T15:00:00.000Z',
    );
    expect(payoutCutoff(rule({ delayDays: 7 }), at('2026-11-26T01:00:00Z'))).toEqual(
      payoutCutoff(rule({ delayDays: 7 }), at('2026-11-26T22:00:00Z')),
    );
  });

  it('manual: never automatic', () => {
    expect(duePeriod(rule({ interval: 'manual' }), at('2026-11-25T10:00:00Z'))).toBeNull();
    expect(nextPayoutDay(rule({ interval: 'manual' }), at('2026-11-25T10:00:00Z'))).toBeNull();
  });
});
