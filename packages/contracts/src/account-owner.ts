import type { AccountCapabilities } from './tenant.js';

/**
 * Which platform and mode an account belongs to, asked of identity by services that act on
 * accounts for platforms: `POST <identity origin>/internal/account-owner` with `{ accountId }`,
 * answered 404 when there is no such account, otherwise with an `OwnedAccount`.
 */
export const ACCOUNT_OWNER_PATH = '/internal/account-owner';

/** Whether the capabilities allow charges (and transfers) at `now`. */
export const chargesAllowed = (capabilities: AccountCapabilities, now: Date): boolean =>
  capabilities.chargesEnabled &&
  (capabilities.chargesUntil === null || now < new Date(capabilities.chargesUntil));
