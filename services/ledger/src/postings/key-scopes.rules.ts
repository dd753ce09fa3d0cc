import type { Tenant } from '@dash/contracts';

/** Whose idempotency keys a platform's API requests use: the platform, in one mode. */
export const tenantKeyScope = ({ platformId, livemode }: Tenant) =>
  `${platformId}:${livemode ? 'live' : 'test'}`;

/** Whose idempotency keys an account's dashboard requests use. */
export const accountKeyScope = (accountId: string) => `acct:${accountId}`;
