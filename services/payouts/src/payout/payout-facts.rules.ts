import type { PayoutFacts } from '@dash/events';
import type { ExternalAccount } from '../external-account/external-account.entity.js';
import type { Payout, PayoutDestination } from './payout.entity.js';

/** What a payout shows of where it goes: no rail token, no country. */
export const maskedDestination = (destination: ExternalAccount): PayoutDestination => ({
  id: destination.id,
  kind: destination.kind,
  bankName: destination.bankName,
  brand: destination.brand,
  last4: destination.last4,
});

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
