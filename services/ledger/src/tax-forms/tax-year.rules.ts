/** The first year Form 1099-K was filed (payments from 2011). */
export const FIRST_TAX_YEAR = 2011;

/**
 * A tax year's bounds: calendar years in UTC, as the ledger stores every moment, so a form's
 * amounts are sums of the ledger's rows between two instants anyone can recompute (a payment
 * late on December 31 in California counts in the next year).
 */
export const taxYearRange = (year: number) => ({
  from: new Date(Date.UTC(year, 0, 1)),
  to: new Date(Date.UTC(year + 1, 0, 1)),
});

/**
 * Why forms cannot be made for `year`, or null when they can: live mode reports only years that
 * have ended (a form of a year still running would need correcting); test mode takes the
 * current year too, so a platform can try the forms out at any time.
 */
export function taxYearRefusal(year: number, livemode: boolean, now: Date): string | null {
  const current = now.getUTCFullYear();
  if (!Number.isInteger(year) || year < FIRST_TAX_YEAR || year > current)
    return `year must be a calendar year from ${FIRST_TAX_YEAR} to ${current}.`;
  if (livemode && year === current)
    return `${year} has not ended yet: live-mode forms are made for years that have ended.`;
  return null;
}

/** Twelve monthly amounts from the month numbers (1–12) an aggregate returns. */
export function monthlyAmounts(rows: ReadonlyArray<{ month: number; amount: number }>): number[] {
  const months = Array.from({ length: 12 }, () => 0);
  for (const { month, amount } of rows) months[month - 1]! += amount;
  return months;
}

/**
 * The payee's TIN as a recipient statement may show it (Treas. Reg. §301.6109-4): the last four
 * digits, the rest as asterisks in the shape of the number.
 */
export const truncatedTin = (type: string | null, last4: string | null): string | null =>
  last4 ? (type === 'ein' ? `**-***${last4}` : `***-**-${last4}`) : null;
