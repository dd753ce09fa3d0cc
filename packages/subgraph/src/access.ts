import type { Caller } from '@dash/auth-context';
import { forbidden, unauthenticated } from './errors.js';

type AccountCaller = Extract<Caller, { kind: 'account' }>;
type PlatformCaller = Extract<Caller, { kind: 'platform' }>;

/** The signed-in account, or UNAUTHENTICATED. */
export function requireAccount(caller: Caller): AccountCaller {
  if (caller.kind === 'account') return caller;
  throw unauthenticated();
}

export function requirePlatform(caller: Caller): PlatformCaller {
  if (caller.kind === 'platform') return caller;
  throw caller.kind === 'anonymous' ? unauthenticated() : forbidden('This needs a platform API key.');
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
