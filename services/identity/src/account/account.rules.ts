import { DashError } from '@dash/errors';
import type { Account } from './account.entity.js';

/** A closed account is kept for its records but no longer changes. */
export function openForChanges(account: Account): Account {
  if (account.closedAt)
    throw new DashError('FAILED_PRECONDITION', 'This account is closed.', {
      reason: 'ACCOUNT_CLOSED',
    });
  return account;
}

/** Refuses something the account's platform has switched off, naming the switch. */
export const featureOff = (feature: string, message: string) =>
  new DashError('FORBIDDEN', message, { reason: 'FEATURE_DISABLED', feature });
