/** The US information returns the ledger issues: Stripe's names for them. */
export const TAX_FORM_TYPES = ['us_1099_k', 'us_1099_nec'] as const;
export type TaxFormType = (typeof TAX_FORM_TYPES)[number];

/** When a form is filed for a payee's year, in cents. */
export interface Thresholds {
  /** 1099-K: filed when the gross is more than this… */
  kGrossAbove: number;
  /** …and the number of payment transactions is more than this. */
  kCountAbove: number;
  /** 1099-NEC: filed when the payments come to this or more. */
  necAtLeast: number;
}

/**
 * The federal thresholds, each row from the first tax year it applies to (the last row at or
 * before a year is that year's).
 *
 * 1099-K, IRC §6050W(e): a third party settlement organisation reports a payee whose gross
 * payments exceed $20,000 and whose transactions exceed 200 in the year. The American Rescue
 * Plan Act (P.L. 117-2 §9674) cut this to $600 from 2022, which the IRS phased in (Notices
 * 2023-10 and 2023-74: still $20,000/200 for 2022 and 2023, then $5,000 for 2024 and $2,500 for
 * 2025); the One Big Beautiful Bill Act (P.L. 119-21 §70432, July 4, 2025) repealed that change
 * retroactively, as if never enacted, so $20,000 and 200 hold for every year.
 *
 * 1099-NEC, IRC §6041(a): payments of $600 or more; P.L. 119-21 §70433 raised it to $2,000 for
 * payments made after December 31, 2025, indexed for inflation from 2027 (§6041(h)): add the row
 * of each year's published figure here.
 */
export const FEDERAL_THRESHOLDS: ReadonlyArray<{ fromYear: number } & Thresholds> = [
  { fromYear: 0, kGrossAbove: 2_000_000, kCountAbove: 200, necAtLeast: 60_000 },
  { fromYear: 2026, kGrossAbove: 2_000_000, kCountAbove: 200, necAtLeast: 200_000 },
];

export const federalThresholds = (year: number): Thresholds => {
  const row = FEDERAL_THRESHOLDS.filter((candidate) => candidate.fromYear <= year).at(-1)!;
  return { kGrossAbove: row.kGrossAbove, kCountAbove: row.kCountAbove, necAtLeast: row.necAtLeast };
};

/** A platform's own thresholds; null keeps the federal one of each year. */
export interface ThresholdOverrides {
  kGrossAbove: number | null;
  kCountAbove: number | null;
  necAtLeast: number | null;
}

/** The thresholds a platform files by in `year`: its own where it set them, else the federal. */
export function thresholdsFor(year: number, overrides: ThresholdOverrides): Thresholds {
  const federal = federalThresholds(year);
  return {
    kGrossAbove: overrides.kGrossAbove ?? federal.kGrossAbove,
    kCountAbove: overrides.kCountAbove ?? federal.kCountAbove,
    necAtLeast: overrides.necAtLeast ?? federal.necAtLeast,
  };
}

/** Whether a payee's year is reported: both 1099-K thresholds passed, or the 1099-NEC one met. */
export function isReportable(
  type: TaxFormType,
  totals: { amount: number; transactionCount: number | null },
  thresholds: Thresholds,
): boolean {
  return type === 'us_1099_k'
    ? totals.amount > thresholds.kGrossAbove &&
        (totals.transactionCount ?? 0) > thresholds.kCountAbove
    : totals.amount >= thresholds.necAtLeast && totals.amount > 0;
}
