/** How a failing delivery is retried (see DASH_WEBHOOK_* settings). */
export interface RetryPolicy {
  /** The wait after the first failed attempt; each later wait doubles. */
  firstDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** A delivery still failing this long after its event is given up (3 days). */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: 60_000,
  maxDelayMs: 12 * 3600_000,
  giveUpAfterMs: 3 * 24 * 3600_000,
};

/**
 * The wait before attempt `attempt + 1`: exponential, then jittered over its upper half so
 * that endpoints recovering from an outage are not hit by every queued retry at once.
 * `random` is in [0, 1).
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: number): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (random * base) / 2);
}

/** Whether an attempt due at `nextAttemptAt` would fall beyond the delivery's lifetime. */
export const givesUp = (policy: RetryPolicy, firstQueuedAt: Date, nextAttemptAt: Date) =>
  nextAttemptAt.getTime() - firstQueuedAt.getTime() > policy.giveUpAfterMs;
