import { DashError } from '@dash/errors';
import type { Account } from './account.entity.js';

/**
 * After the email or phone changes (by the account or by its platform), the things a thief who
 * changed them would do next wait this long: changing where payouts go, closing the account, and
 * signing in through the new email. The old contact has been told, so the real holder has three
 * days to notice and act.
 */
export const CONTACT_CHANGE_HOLD_MS = 72 * 60 * 60 * 1000;

const holdEnd = (changedAt: Date | null) =>
  changedAt ? new Date(changedAt.getTime() + CONTACT_CHANGE_HOLD_MS) : null;

/** When the hold after the latest contact change ends, if it has not yet. */
export function contactHoldUntil(
  account: Account,
  now: Date,
  only?: 'email' | 'phone',
): Date | null {
  const ends = [
    only !== 'phone' ? holdEnd(account.emailChangedAt) : null,
    only !== 'email' ? holdEnd(account.phoneChangedAt) : null,
  ].filter((end): end is Date => end !== null && end > now);
  if (ends.length === 0) return null;
  return new Date(Math.max(...ends.map((end) => end.getTime())));
}

export const recentContactChange = (until: Date, what: string) =>
  new DashError(
    'FAILED_PRECONDITION',
    `This account's email or phone changed recently, so ${what} is paused until ${until.toISOString()}.`,
    { reason: 'RECENT_CONTACT_CHANGE', retryAt: until.toISOString() },
  );

/** Refuses while the hold after a contact change lasts. */
export function refuseDuringContactHold(
  account: Account,
  now: Date,
  what: string,
  only?: 'email' | 'phone',
): void {
  const until = contactHoldUntil(account, now, only);
  if (until) throw recentContactChange(until, what);
}
