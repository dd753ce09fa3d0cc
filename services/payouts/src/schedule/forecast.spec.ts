import { describe, expect, it } from 'vitest';
import { expectedArrival } from '../payout/arrival.rules.js';
import { nextScheduledRun } from './forecast.rules.js';
import type { PayoutScheduleRule } from './schedule.rules.js';

const rule = (change: Partial<PayoutScheduleRule>): PayoutScheduleRule => ({
  interval: 'daily',
  delayDays: 2,
  weeklyAnchor: null,
  monthlyAnchor: null,
  timeZone: 'UTC',
  ...change,
});
const at = (iso: string) => new Date(iso);

/** The next run and its arrival, as the forecast shows them, for a bank in `country`. */
function forecast(schedule: PayoutScheduleRule, now: Date, paidToday = false, country = 'US') {
  const run = nextScheduledRun(schedule, now, paidToday);
  if (!run) return null;
  const arrival = expectedArrival(run.at, {
    method: 'standard',
    country,
    timeZone: schedule.timeZone,
    businessDays: 2,
  });
  return {
    day: run.day,
    at: run.at.toISOString(),
    cutoff: run.cutoff.toISOString(),
    arrives: arrival.toISOString().slice(0, 10),
  };
}

describe('the next payout forecast', () => {
  it('a Friday run before a Monday US bank holiday arrives on Wednesday', () => {
    // Friday 16 January 2026; Monday the 19th is Martin Luther King Jr. Day.
    const fridays = rule({ interval: 'weekly', weeklyAnchor: 'friday' });
    expect(forecast(fridays, at('2026-01-14T10:00:00Z'))).toEqual({
      day: '2026-01-16',
      at: '2026-01-16T00:00:00.000Z',
      cutoff: '2026-01-14T00:00:00.000Z',
      arrives: '2026-01-21',
    });
    // Where the Monday is no holiday, Tuesday.
    expect(forecast(fridays, at('2026-01-14T10:00:00Z'), false, 'GB')?.arrives).toBe('2026-01-20');
  });

  it('counts business days across the weekend, and across Thanksgiving', () => {
    // A daily payout made on a Saturday leaves on Monday and arrives Tuesday.
    expect(forecast(rule({}), at('2026-12-05T09:00:00Z'))?.arrives).toBe('2026-12-08');
    // Wednesday 25 November 2026: Thursday is Thanksgiving, then Friday, then Monday.
    expect(forecast(rule({}), at('2026-11-25T09:00:00Z'))?.arrives).toBe('2026-11-30');
  });

  it("today's payout until it is made, made now; then the next due day", () => {
    const now = at('2026-12-03T15:30:00Z');
    expect(forecast(rule({}), now)).toMatchObject({
      day: '2026-12-03',
      at: now.toISOString(),
      cutoff: '2026-12-01T00:00:00.000Z',
    });
    expect(forecast(rule({}), now, true)).toMatchObject({
      day: '2026-12-04',
      at: '2026-12-04T00:00:00.000Z',
      cutoff: '2026-12-02T00:00:00.000Z',
    });
  });

  it('monthly on the 31st: the last day of shorter months, then the 31st again', () => {
    const on31st = rule({ interval: 'monthly', monthlyAnchor: 31 });
    // Saturday 28 February 2026: arrives Tuesday 3 March.
    expect(forecast(on31st, at('2026-02-10T12:00:00Z'))).toMatchObject({
      day: '2026-02-28',
      arrives: '2026-03-03',
    });
    expect(forecast(on31st, at('2026-02-28T12:00:00Z'), true)?.day).toBe('2026-03-31');
    expect(forecast(on31st, at('2028-02-10T12:00:00Z'))?.day).toBe('2028-02-29');
    expect(forecast(on31st, at('2026-04-01T00:00:00Z'))?.day).toBe('2026-04-30');
  });

  it("runs on the schedule's own days: the same moment is Friday in Tokyo, Thursday in Los Angeles", () => {
    const moment = at('2026-11-26T23:30:00Z');
    const fridays = (timeZone: string) =>
      rule({ interval: 'weekly', weeklyAnchor: 'friday', timeZone });
    // Already Friday 08:30 in Tokyo: today's run, made now, paying money from before Wednesday there.
    expect(forecast(fridays('Asia/Tokyo'), moment)).toMatchObject({
      day: '2026-11-27',
      at: moment.toISOString(),
      cutoff: '2026-11-24T15:00:00.000Z',
    });
    expect(forecast(fridays('Asia/Tokyo'), moment, true)?.day).toBe('2026-12-04');
    // Still Thursday in Los Angeles: the run is at Friday's midnight there (08:00 UTC).
    expect(forecast(fridays('America/Los_Angeles'), moment)).toMatchObject({
      day: '2026-11-27',
      at: '2026-11-27T08:00:00.000Z',
      cutoff: '2026-11-25T08:00:00.000Z',
      // Friday + 2 business days = Tuesday, whatever the zone.
      arrives: '2026-12-01',
    });
  });

  it('manual schedules have none', () => {
    expect(forecast(rule({ interval: 'manual' }), at('2026-12-03T10:00:00Z'))).toBeNull();
  });
});
