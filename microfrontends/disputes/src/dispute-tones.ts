import type { Tone } from '@dash/web-kit';
import type { DisputeStatus } from './disputes-api.js';

/** How each dispute status reads at a glance; its word always says it too. */
export const DISPUTE_TONES: Readonly<Record<DisputeStatus, Tone>> = {
  won: 'positive',
  needs_response: 'negative',
  warning_needs_response: 'negative',
  lost: 'negative',
  under_review: 'muted',
  warning_under_review: 'muted',
  warning_closed: 'muted',
};
