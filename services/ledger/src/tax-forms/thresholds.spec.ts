import { describe, expect, it } from 'vitest';
import { federalThresholds, isReportable, thresholdsFor } from './thresholds.rules.js';
import { monthlyAmounts, taxYearRange, taxYearRefusal, truncatedTin } from './tax-year.rules.js';

const K = 'us_1099_k' as const;
const NEC = 'us_1099_nec' as const;

describe('federal thresholds by year', () => {
  it('1099-K: more than $20,000 and more than 200 transactions in every year, the $600 steps repealed', () => {
    for (const year of [2011, 2021, 2022, 2023, 2024, 2025, 2026, 2030])
      expect(federalThresholds(year)).toMatchObject({ kGrossAbove: 2_000_000, kCountAbove: 200 });
  });

  it('1099-NEC: $600 through 2025, $2,000 from 2026', () => {
    expect(federalThresholds(2020).necAtLeast).toBe(60_000);
    expect(federalThresholds(2025).necAtLeast).toBe(60_000);
    expect(federalThresholds(2026).necAtLeast).toBe(200_000);
    expect(federalThresholds(2027).necAtLeast).toBe(200_000);
  });
});

describe('whether a year is reported', () => {
  const federal2026 = federalThresholds(2026);

  it('1099-K needs both thresholds passed, not met', () => {
    const reported = (amount: number, transactionCount: number) =>
      isReportable(K, { amount, transactionCount }, federal2026);
    expect(reported(2_000_000, 200)).toBe(false);
    expect(reported(2_000_001, 200)).toBe(false);
    expect(reported(2_000_000, 201)).toBe(false);
    expect(reported(2_000_001, 201)).toBe(true);
    expect(reported(9_000_000, 150)).toBe(false);
  });

  it('1099-NEC needs the threshold met', () => {
    expect(isReportable(NEC, { amount: 199_999, transactionCount: null }, federal2026)).toBe(false);
    expect(isReportable(NEC, { amount: 200_000, transactionCount: null }, federal2026)).toBe(true);
    expect(
      isReportable(NEC, { amount: 60_000, transactionCount: null }, federalThresholds(2025)),
    ).toBe(true);
  });

  it("a platform's own thresholds replace the federal ones it sets, and only those", () => {
    const own = thresholdsFor(2026, { kGrossAbove: 60_000, kCountAbove: 0, necAtLeast: null });
    expect(own).toEqual({ kGrossAbove: 60_000, kCountAbove: 0, necAtLeast: 200_000 });
    expect(isReportable(K, { amount: 60_001, transactionCount: 1 }, own)).toBe(true);
    // Nothing is ever reported for nothing paid, whatever the threshold.
    expect(
      isReportable(NEC, { amount: 0, transactionCount: null }, { ...own, necAtLeast: 0 }),
    ).toBe(false);
  });
});

describe('tax years', () => {
  const now = new Date('2026-12-06T00:00:00Z');

  it('are calendar years in UTC', () => {
    expect(taxYearRange(2025)).toEqual({
      from: new Date('2025-01-01T00:00:00.000Z'),
      to: new Date('2026-01-01T00:00:00.000Z'),
    });
  });

  it('live mode reports ended years only; test mode the current one too', () => {
    expect(taxYearRefusal(2025, true, now)).toBeNull();
    expect(taxYearRefusal(2026, true, now)).toMatch(/has not ended/);
    expect(taxYearRefusal(2026, false, now)).toBeNull();
    expect(taxYearRefusal(2027, false, now)).toMatch(/calendar year/);
    expect(taxYearRefusal(2010, false, now)).toMatch(/calendar year/);
    expect(taxYearRefusal(2025.5, false, now)).toMatch(/calendar year/);
  });

  it('puts monthly sums in their months', () => {
    expect(
      monthlyAmounts([
        { month: 1, amount: 100 },
        { month: 12, amount: 5 },
      ]),
    ).toEqual([100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
  });

  it('shows a payee TIN by its last four digits only', () => {
    expect(truncatedTin('ssn', '6789')).toBe('***-**-6789');
    expect(truncatedTin('ein', '6789')).toBe('**-***6789');
    expect(truncatedTin(null, null)).toBeNull();
  });
});
