import type { AccountService } from '../account/account.service.js';
import type { Account } from '../account/account.entity.js';
import { openForChanges } from '../account/account.rules.js';
import type { Challenges, StartedChallenge } from '../login/challenge.service.js';
import { refuseDuringHold, sendStepUpCode } from './step-up.service.js';

/**
 * Codes that confirm a change to where payouts go. The change itself belongs to the payouts
 * service; identity sends the code to the account's own phone (or email, without one) and,
 * when payouts asks, checks it and uses it up — so a stolen session alone cannot send the
 * account's money elsewhere. For 72 hours after the account's email or phone changed, no code
 * is issued or accepted: a thief who took over the contact first cannot then move the money.
 */
export class PayoutDetailsCodes {
  constructor(
    private readonly challenges: Challenges,
    private readonly accounts: AccountService,
    private readonly now: () => Date,
  ) {}

  start(account: Account, sends = 1): Promise<StartedChallenge> {
    return sendStepUpCode(this.challenges, account, 'payout_details', this.now(), sends);
  }

  async resend(account: Account, challengeId: string): Promise<StartedChallenge> {
    const challenge = await this.challenges.openOwn(challengeId, 'payout_details', account.id);
    await this.challenges.retireForResend(challenge);
    return this.start(account, challenge.sends + 1);
  }

  /** For the payouts service: the right code for this account, used up; otherwise a refusal. */
  async check(accountId: string, challengeId: string, code: string): Promise<void> {
    const account = await this.accounts.find(accountId);
    const challenge = await this.challenges.openOwn(challengeId, 'payout_details', accountId);
    if (account) refuseDuringHold(account, 'payout_details', this.now());
    await this.challenges.consume(challenge, code, account ? openForChanges(account) : null);
  }
}
