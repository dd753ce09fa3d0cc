import type { Caller } from '@dash/auth-context';
import { forbidden, unauthenticated } from '@dash/errors';

type AccountCaller = Extract<Caller, { kind: 'account' }>;
type PlatformCaller = Extract<Caller, { kind: 'platform' }>;

/** The signed-in account, or UNAUTHENTICATED. */
export function requireAccount(caller: Caller): AccountCaller {
  if (caller.kind === 'account') return caller;
  throw unauthenticated();
}

export function requirePlatform(caller: Caller): PlatformCaller {
  if (caller.kind === 'platform') return caller;
  throw caller.kind === 'anonymous'
    ? unauthenticated()
    : forbidden('This needs a platform API key.');
}

/**
 * Whether the caller may read data of `accountId` owned by `platformId`: an account sees only
 * itself, a platform only its own connected accounts.
 */
export function canReadAccount(caller: Caller, accountId: string, platformId: string): boolean {
  switch (caller.kind) {
    case 'account':
      return caller.accountId === accountId;
    case 'platform':
      return caller.platformId === platformId;
    default:
      return false;
  }
}

/**
 * The rows a caller may see, as a filter every repository adds to its queries: an account is
 * confined to its own rows, a platform to its connected accounts' rows.
 */
export type TenantScope = { accountId: string } | { platformId: string };

export function tenantScope(caller: Caller): TenantScope {
  switch (caller.kind) {
    case 'account':
      return { accountId: caller.accountId };
    case 'platform':
      return { platformId: caller.platformId };
    default:
      throw unauthenticated();
  }
}

/**
 * The filter for one account's rows as the caller may see them, or null when it may not:
 * an account only its own, a platform any of its connected accounts — in the caller's mode only.
 */
export function accountRowsScope(
  caller: Caller,
  accountId: string,
): { accountId: string; platformId?: string; livemode: boolean } | null {
  switch (caller.kind) {
    case 'account':
      return caller.accountId === accountId ? { accountId, livemode: caller.livemode } : null;
    case 'platform':
      return { accountId, platformId: caller.platformId, livemode: caller.livemode };
    default:
      throw unauthenticated();
  }
}
