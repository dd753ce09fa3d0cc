import type { PayoutFacts } from '@dash/events';
import type { Payout, PayoutDestination } from './payout.entity.js';

/** "Simulated Bank •••• 6789", "Visa •••• 4242": how a destination reads in lists and events. */
export const destinationLabel = (
  destination: Pick<PayoutDestination, 'bankName' | 'brand' | 'last4'>,
) =>
  `${destination.brand ? destination.brand[0]!.toUpperCase() + destination.brand.slice(1) : (destination.bankName ?? 'Bank account')} •••• ${destination.last4}`;

/** The facts every payout event carries. */
export const factsOf = (
  payout: Pick<Payout, 'id' | 'amount' | 'currency' | 'method' | 'arrivalDate' | 'destination'>,
): PayoutFacts => ({
  payoutId: payout.id,
  amount: payout.amount,
  currency: payout.currency,
  method: payout.method,
  arrivalDate: payout.arrivalDate.toISOString(),
  destination: payout.destination ? destinationLabel(payout.destination) : 'Bank account',
});
