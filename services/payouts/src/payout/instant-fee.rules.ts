export interface InstantFeeRule {
  /** Hundredths of a percent: 100 is 1%. */
  percentBps: number;
  /** The least fee, in minor units. */
  minimum: number;
}

/** An instant payout's fee: a percentage of the amount, rounded up, never below the minimum. */
export const instantPayoutFee = (amount: number, rule: InstantFeeRule): number =>
  Math.max(rule.minimum, Math.ceil((amount * rule.percentBps) / 10_000));
