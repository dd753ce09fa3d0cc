import { describe, expect, it } from 'vitest';
import { expectedArrival, isBankHoliday } from './arrival.rules.js';

const at = (iso: string) => new Date(iso);

describe('arrival dates', () => {
  const standard = { method: 'standard' as const, country: 'US', timeZone: 'UTC', businessDays: 2 };

  it('counts business days, skipping weekends', () => {
    // Thursday + 2 business days = Monday.
    expect(expectedArrival(at('2026-12-03T15:00:00Z'), standard).toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
  });

  it("skips the country's bank holidays", () => {
    expect(isBankHoliday('US', '2026-11-26')).toBe(true); // Thanksgiving
    expect(isBankHoliday('GB', '2026-11-26')).toBe(false);
    // Tuesday + 2 business days skips Thanksgiving (US) but not in Great Britain.
    expect(expectedArrival(at('2026-11-24T15:00:00Z'), standard).toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
    expect(
      expectedArrival(at('2026-11-24T15:00:00Z'), { ...standard, country: 'GB' }).toISOString(),
    ).toBe('2026-11-26T00:00:00.000Z');
  });

  it('instant payouts arrive now', () => {
    const moment = at('2026-11-28T15:00:00Z');
    expect(expectedArrival(moment, { ...standard, method: 'instant' })).toEqual(moment);
  });
});
