/** A processing fee: a share of the amount (in basis points) plus a fixed part in minor units. */
export interface FeeRule {
  percentBps: number;
  fixed: number;
}

/** The fee rule per currency, with a default for the rest. */
export interface FeeSchedule {
  default: FeeRule;
  [currency: string]: FeeRule;
}

/** Stripe's standard card pricing: 2.9% + 30 minor units. */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = { default: { percentBps: 290, fixed: 30 } };

/** The processing fee on a charge; never more than the charge itself. */
export function processingFee(amount: number, currency: string, schedule: FeeSchedule): number {
  const rule = schedule[currency] ?? schedule.default;
  const fee = Math.round((amount * rule.percentBps) / 10_000) + rule.fixed;
  return Math.min(fee, amount);
}
