import type { DataSource } from 'typeorm';
import { Account } from '../account/account.entity.js';
import { refused, type Challenges, type StartedChallenge } from '../login/challenge.service.js';
import type { LoginChallengeRow } from '../login/login.entity.js';
import { refuseDuringContactHold } from './contact-hold.rules.js';
import { openForChanges } from '../account/account.rules.js';

const PAUSED = 'changing where payouts go';

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
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  start(account: Account, sends = 1): Promise<StartedChallenge> {
    openForChanges(account);
    refuseDuringContactHold(account, this.now(), PAUSED);
    return this.challenges.issue(account, {
      purpose: 'payout_details',
      channel: account.phone ? 'sms' : 'email',
      destination: account.phone ?? account.email,
      sends,
    });
  }

  async resend(account: Account, challengeId: string): Promise<StartedChallenge> {
    const challenge = await this.ownChallenge(account.id, challengeId);
    await this.challenges.retireForResend(challenge);
    return this.start(account, challenge.sends + 1);
  }

  /** For the payouts service: the right code for this account, used up; otherwise a refusal. */
  async check(accountId: string, challengeId: string, code: string): Promise<void> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: accountId });
    const challenge = await this.ownChallenge(accountId, challengeId);
    if (account) refuseDuringContactHold(account, this.now(), PAUSED);
    await this.challenges.consume(challenge, code, account ? openForChanges(account) : null);
  }

  /** Another account's challenge looks exactly like one that does not exist. */
  private async ownChallenge(accountId: string, challengeId: string): Promise<LoginChallengeRow> {
    const challenge = await this.challenges.open(challengeId, 'payout_details');
    if (challenge.accountId !== accountId)
      throw refused('CHALLENGE_INVALID', 'This code request has ended. Ask for a new code.');
    return challenge;
  }
}
