/**
 * The one vocabulary for whose data something is. Every service speaks of tenants, accounts and
 * owned accounts with these three types, and nothing else.
 */

/** A platform in one mode: the unit tenants are separated by (a test key never sees live rows). */
export interface Tenant {
  platformId: string;
  livemode: boolean;
}

/** One connected account of a tenant: the scope of every account-owned row. */
export interface AccountRef extends Tenant {
  accountId: string;
}

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

/** An account as its owner (identity) vouches for it: open or closed, and what money it may move. */
export interface OwnedAccount extends AccountRef, AccountCapabilities {
  closed: boolean;
}

/** Only the reference of an account, whatever richer object carries it (an event's subject, a row). */
export const accountRefOf = (account: AccountRef): AccountRef => ({
  accountId: account.accountId,
  platformId: account.platformId,
  livemode: account.livemode,
});

/** Whether `account` belongs to `tenant` (same platform, same mode). */
export const belongsToTenant = (tenant: Tenant, account: Tenant): boolean =>
  tenant.platformId === account.platformId && tenant.livemode === account.livemode;
