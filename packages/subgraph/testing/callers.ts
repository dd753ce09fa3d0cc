import type { Caller } from '@dash/auth-context';

/** Callers for tests: an account of a platform, and platforms with their API keys. */
export const accountCaller = (accountId: string, platformId = 'plat_a'): Caller => ({
  kind: 'account',
  accountId,
  platformId,
  livemode: false,
});

export const platformCaller = (platformId: string): Caller => ({
  kind: 'platform',
  platformId,
  livemode: false,
  keyId: `key_${platformId}`,
});

/** `_entities` representations for one Account, as the gateway sends them. */
export const accountReference = (id: string) => ({ reps: [{ __typename: 'Account', id }] });
