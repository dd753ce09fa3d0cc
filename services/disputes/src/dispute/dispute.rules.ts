/**
 * Stripe's dispute statuses. An inquiry (`warning_…`) asks questions before any money moves;
 * a chargeback (`needs_response` onwards) takes the money back at once and is won or lost.
 */
export const DISPUTE_STATUSES = [
  'warning_needs_response',
  'warning_under_review',
  'warning_closed',
  'needs_response',
  'under_review',
  'won',
  'lost',
] as const;
export type DisputeStatusCode = (typeof DISPUTE_STATUSES)[number];

export const isInquiry = (status: DisputeStatusCode) => status.startsWith('warning_');

/** Waiting for the account's evidence (or its acceptance). */
export const awaitingResponse = (status: DisputeStatusCode) =>
  status === 'needs_response' || status === 'warning_needs_response';

export const isClosed = (status: DisputeStatusCode) =>
  status === 'won' || status === 'lost' || status === 'warning_closed';

/** Where evidence sends a dispute: the network reviews it. */
export const underReview = (status: DisputeStatusCode): DisputeStatusCode =>
  isInquiry(status) ? 'warning_under_review' : 'under_review';

/** How a dispute ends. An inquiry just closes; a chargeback is won or lost. */
export const closedAs = (status: DisputeStatusCode, outcome: 'won' | 'lost'): DisputeStatusCode =>
  isInquiry(status) ? 'warning_closed' : outcome;

/** The statuses that wait for the account's answer (an inquiry's too). */
export const AWAITING_RESPONSE = DISPUTE_STATUSES.filter(awaitingResponse);

export const CLOSED_STATUSES = DISPUTE_STATUSES.filter(isClosed);
