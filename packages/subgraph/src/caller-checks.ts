/**
 * Superseded by `Access` (access.ts); kept only while services move to it, then removed.
 */
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

/**
 * Whether the caller may see one account-owned row found by its id alone (an entity another
 * subgraph points at): its own account's row, or one of its platform's accounts', in its mode.
 */
export const rowVisibleTo = (
  caller: Caller,
  row: { accountId: string; platformId: string; livemode: boolean },
): boolean =>
  (caller.kind === 'account' &&
    caller.accountId === row.accountId &&
    caller.livemode === row.livemode) ||
  (caller.kind === 'platform' &&
    caller.platformId === row.platformId &&
    caller.livemode === row.livemode);
