/**
 * Which platform and mode an account belongs to, asked of identity by services that act on
 * accounts for platforms: `POST <identity origin>/internal/account-owner` with `{ accountId }`,
 * answered 404 when there is no such account.
 */
export const ACCOUNT_OWNER_PATH = '/internal/account-owner';

/**
 * What identity's requirements allow an account to do with money now. Charges stay on through a
 * grace period while something newly due is missing: `chargesUntil` is when it ends (ISO 8601),
 * so a service can stop charges at that moment without waiting for an event.
 */
export interface AccountCapabilities {
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  chargesUntil: string | null;
  /** ISO 8601: when identity read them, so an older answer never overwrites a newer one. */
  asOf: string;
}

export interface AccountOwner extends AccountCapabilities {
  accountId: string;
  platformId: string;
  livemode: boolean;
  closed: boolean;
}

/** Whether the capabilities allow charges (and transfers) at `now`. */
export const chargesAllowed = (capabilities: AccountCapabilities, now: Date): boolean =>
  capabilities.chargesEnabled &&
  (capabilities.chargesUntil === null || now < new Date(capabilities.chargesUntil));
