import { openForChanges } from '../account/account.rules.js';
import type { Account } from '../account/account.entity.js';
import type { Challenges, StartedChallenge } from '../login/challenge.service.js';
import { refuseDuringContactHold } from '../account/contact-hold.rules.js';

/** Changes a stolen session alone must not make: each needs a code sent to the account. */
export type StepUpPurpose = 'payout_details' | 'account_details' | 'tax_info' | 'account_close';

/**
 * What the hold after a contact change pauses: where money goes and closing. Identity details
 * move no money, and someone who moved house changes their phone and address the same day.
 */
const PAUSED: Partial<Record<StepUpPurpose, string>> = {
  payout_details: 'changing where payouts go',
  account_close: 'closing the account',
  // Whose income the platform reports to the IRS is not for whoever just took over the contact.
  tax_info: 'changing tax information',
};

/** Refuses the step while the hold after a contact change lasts, naming what is paused. */
export function refuseDuringHold(account: Account, purpose: StepUpPurpose, now: Date): void {
  const paused = PAUSED[purpose];
  if (paused) refuseDuringContactHold(account, now, paused);
}

/**
 * Sends the code for a step-up change to the account's own phone (or email, without one):
 * refused for a closed account, and while the hold after a contact change lasts.
 */
export function sendStepUpCode(
  challenges: Challenges,
  account: Account,
  purpose: StepUpPurpose,
  now: Date,
  sends: number,
): Promise<StartedChallenge> {
  openForChanges(account);
  refuseDuringHold(account, purpose, now);
  return challenges.issue(account, {
    purpose,
    channel: account.phone ? 'sms' : 'email',
    destination: account.phone ?? account.email,
    sends,
  });
}
