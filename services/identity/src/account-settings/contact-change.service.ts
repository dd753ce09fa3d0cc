import type { AccountRepository } from '../accounts.repository.js';
import type { Account } from '../entities/account.entity.js';
import { refused, type Challenges, type StartedChallenge } from '../login/challenges.js';
import type { LoginChallengeRow } from '../login/login.entities.js';
import { openForChanges } from './guards.js';

export type ContactKind = 'email' | 'phone';

const channelFor = (kind: ContactKind) => (kind === 'email' ? 'email' : 'sms');
const fieldFor = (challenge: LoginChallengeRow): ContactKind =>
  challenge.channel === 'email' ? 'email' : 'phone';

/**
 * Changing the account's email or phone: a code goes to the new address, and only typing it
 * makes the change — proof that the account holder receives messages there. Also how an
 * account that lost its phone sets a new one after signing in by email.
 */
export class ContactChangeService {
  constructor(
    private readonly challenges: Challenges,
    private readonly accounts: AccountRepository,
  ) {}

  /** `value` is already validated (email address, or E.164 phone). */
  async start(account: Account, kind: ContactKind, value: string): Promise<StartedChallenge> {
    openForChanges(account);
    const destination = kind === 'email' ? value.trim().toLowerCase() : value.trim();
    if (destination === (kind === 'email' ? account.email : account.phone)) {
      throw refused(
        'SAME_CONTACT',
        `That is already this account's ${kind === 'email' ? 'email' : 'phone number'}.`,
        'BAD_USER_INPUT',
        { field: 'value' },
      );
    }
    return this.challenges.issue(account, {
      purpose: 'contact_change',
      channel: channelFor(kind),
      destination,
    });
  }

  async resend(account: Account, challengeId: string): Promise<StartedChallenge> {
    const challenge = await this.ownChallenge(account, challengeId);
    await this.challenges.retireForResend(challenge);
    return this.challenges.issue(account, {
      purpose: 'contact_change',
      channel: challenge.channel,
      destination: challenge.newDestination!,
      sends: challenge.sends + 1,
    });
  }

  /** The right code applies the change (and records `account.updated`). */
  async confirm(account: Account, challengeId: string, code: string): Promise<Account> {
    const challenge = await this.ownChallenge(account, challengeId);
    await this.challenges.consume(challenge, code, account);
    const value = challenge.newDestination!;
    return this.accounts.update(
      openForChanges(account),
      fieldFor(challenge) === 'email' ? { email: value } : { phone: value },
      'account',
    );
  }

  /** Another account's challenge looks exactly like one that does not exist. */
  private async ownChallenge(account: Account, challengeId: string): Promise<LoginChallengeRow> {
    const challenge = await this.challenges.open(challengeId, 'contact_change');
    if (challenge.accountId !== account.id)
      throw refused('CHALLENGE_INVALID', 'This code request has ended. Ask for a new code.');
    return challenge;
  }
}
