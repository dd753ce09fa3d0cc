import type { CardFunding } from './test-cards.rules.js';

/** A bank account's or card's full details, handed to the rail once when they are added. */
export interface RailDestination {
  kind: 'bank_account' | 'card';
  country: string;
  currency: string;
  routingNumber: string | null;
  /** The account number or IBAN, or the card number. */
  number: string;
}

export interface RailRegistration {
  /** What payouts are sent with from now on; the numbers themselves are not kept. */
  token: string;
  bankName: string | null;
  /** Cards: how the issuer funds it (only debit cards take payouts); null for bank accounts. */
  funding: CardFunding | null;
}

export interface RailPayout {
  id: string;
  amount: number;
  currency: string;
  method: 'standard' | 'instant';
  destinationToken: string;
}

export type RailStatus =
  { state: 'in_transit' } | { state: 'paid' } | { state: 'failed'; code: string; message: string };

/**
 * The way money leaves for banks and cards. The simulated bank implements it for development
 * and tests; a real rail (an ACH/SEPA partner, a card processor's push-to-card) implements the
 * same three calls. Each is idempotent by its argument's id.
 */
export interface PayoutRail {
  register(destination: RailDestination): Promise<RailRegistration>;
  /** Sends a payout on its way; answers the rail's reference for it. */
  send(payout: RailPayout): Promise<{ reference: string }>;
  /** Where a sent payout is now. */
  status(payout: RailPayout & { reference: string; sentAt: Date }): Promise<RailStatus>;
}
