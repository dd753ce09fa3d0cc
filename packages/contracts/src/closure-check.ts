import type { SubgraphName } from './subgraphs.js';
import type { AccountRef } from './tenant.js';

/**
 * Before an account closes, identity asks every service that holds something of the account's
 * whether anything stands in the way (money left, a payout on its way, an open dispute).
 * `POST <service origin>/internal/closure-check` with a ClosureCheckRequest, signed as identity.
 */
export const CLOSURE_CHECK_PATH = '/internal/closure-check';

/** The services identity asks; each owns something that must be settled first. */
export const CLOSURE_CHECKED_SERVICES = [
  'ledger',
  'payouts',
  'disputes',
] as const satisfies readonly SubgraphName[];

/** The account about to close. */
export type ClosureCheckRequest = AccountRef;

/** One reason the account cannot close yet: a stable code and a sentence for the account. */
export interface ClosureBlocker {
  reason: string;
  message: string;
}

export interface ClosureCheckResponse {
  blockers: ClosureBlocker[];
}
