import type { Evidence } from '../evidence/evidence.rules.js';

/**
 * The card network's side of a dispute. An adapter for a real network (or a processor's
 * disputes API) implements it: it receives the evidence an account submits, and reports
 * disputes opened and decided by calling `DisputeLifecycle.open` and `.close` — which is what
 * the test-mode API does in its place.
 */
export interface CardNetwork {
  submitEvidence(dispute: { id: string; chargeId: string }, evidence: Evidence): Promise<void>;
}

/** Development and tests: takes evidence and decides nothing; the test-mode API decides. */
export class SimulatedNetwork implements CardNetwork {
  async submitEvidence(): Promise<void> {}
}
