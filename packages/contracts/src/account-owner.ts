/**
 * Which platform and mode an account belongs to, asked of identity by services that act on
 * accounts for platforms: `POST <identity origin>/internal/account-owner` with `{ accountId }`,
 * answered 404 when there is no such account.
 */
export const ACCOUNT_OWNER_PATH = '/internal/account-owner';

export interface AccountOwner {
  accountId: string;
  platformId: string;
  livemode: boolean;
  closed: boolean;
}
