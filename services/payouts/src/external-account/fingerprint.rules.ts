import { keyedHash, type SecretKeys } from '@dash/config';
import type { RailDestination } from '../payout/payout-rail.service.js';

/**
 * A bank account's or card's fingerprint: the same number always gives the same one, so a
 * platform can tell two accounts share a bank account, yet the table alone cannot be turned back
 * into numbers (an HMAC, not a hash: account numbers are few enough to try them all).
 *
 * Fingerprints must stay comparable across rotations, and they cannot be recomputed (only the
 * last four digits are kept), so they are keyed with the fingerprint key of the *oldest* root
 * in the key ring (the last in DASH_SECRET_KEYS), not the current one: putting a new root first
 * leaves them unchanged. Dropping that oldest root starts a new series of fingerprints that do
 * not match the earlier ones; do it only when that is wanted (e.g. the root leaked).
 */
export function bankFingerprint(
  keys: SecretKeys,
  destination: Pick<RailDestination, 'kind' | 'country' | 'routingNumber' | 'number'>,
): string {
  const key = keys.key('bank-fingerprint', keys.oldestKid)!;
  return keyedHash(
    key,
    `${destination.kind}:${destination.country}:${destination.routingNumber ?? ''}:${destination.number}`,
  ).slice(0, 32);
}
