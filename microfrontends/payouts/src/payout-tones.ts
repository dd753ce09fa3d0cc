import type { Tone } from '@dash/web-kit';
import type { PayoutStatus } from './payouts-api.js';

/** How each payout status reads at a glance; its word always says it too. */
export const PAYOUT_TONES: Readonly<Record<PayoutStatus, Tone>> = {
  paid: 'positive',
  failed: 'negative',
  pending: 'muted',
  in_transit: 'muted',
  canceled: 'muted',
};
