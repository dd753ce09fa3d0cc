import type { Tone } from '@dash/web-kit';
import type { PaymentStatus } from './payments-api.js';

/** How each payment status reads at a glance; its word always says it too. */
export const PAYMENT_TONES: Readonly<Record<PaymentStatus, Tone>> = {
  succeeded: 'positive',
  failed: 'negative',
  disputed: 'negative',
  pending: 'muted',
  refunded: 'muted',
  partially_refunded: 'muted',
};
