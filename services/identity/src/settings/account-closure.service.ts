import { IsNull, type DataSource } from 'typeorm';
import type { CredentialEpochs } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import { recordAccountEvent } from '../account/account.service.js';
import { Account } from '../account/account.entity.js';
import type { Platform } from '../platform/platform.entity.js';
import { refused, type Challenges, type StartedChallenge } from '../login/challenge.service.js';
import { SessionRow, type LoginChallengeRow } from '../login/login.entity.js';
import type { ClosureChecks } from './closure-checks.service.js';
import { refuseDuringContactHold } from './contact-hold.rules.js';
import { featureOff, openForChanges } from '../account/account.rules.js';

const PAUSED = 'closing the account';

/**
 * Closing an account from its settings, where the platform allows it. Closing is final, so it
 * is a step-up action like changing payout details: a code goes to the account's own phone (or
 * email, without one), and only that code closes it — a stolen session alone cannot. No code
 * is sent or accepted for 72 hours after the email or phone changed (a thief who took over the
 * contact first cannot then close the account on the holder). Refused while anything is
 * unsettled (a balance, a payout on its way, an open dispute) — each owning service is asked.
 * Closing signs the account out everywhere and records `account.closed`; the account's
 * history stays readable by its platform.
 */
export class AccountClosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checks: ClosureChecks,
    private readonly challenges: Challenges,
    private readonly credentialEpochs: CredentialEpochs,
    private readonly now: () => Date,
  ) {}

  /** Sends the code that closes the account, where its platform allows closing at all. */
  start(account: Account, platform: Platform, sends = 1): Promise<StartedChallenge> {
    allowedBy(platform, account);
    openForChanges(account);
    refuseDuringContactHold(account, this.now(), PAUSED);
    return this.challenges.issue(account, {
      purpose: 'account_close',
      channel: account.phone ? 'sms' : 'email',
      destination: account.phone ?? account.email,
      sends,
    });
  }

  async resend(
    account: Account,
    platform: Platform,
    challengeId: string,
  ): Promise<StartedChallenge> {
    const challenge = await stepUp(() => this.ownChallenge(account.id, challengeId));
    await stepUp(() => this.challenges.retireForResend(challenge));
    return this.start(account, platform, challenge.sends + 1);
  }

  /**
   * The right code closes the account. The code is checked before the other services are asked
   * (a wrong one costs nothing else) and used up only once nothing stands in the way, so a
   * refusal for a balance leaves it good for another try; of parallel closes with one code, one
   * uses it up and closes.
   */
  async close(
    account: Account,
    platform: Platform,
    challengeId: string,
    code: string,
  ): Promise<Account> {
    allowedBy(platform, account);
    // Closed already (by a parallel request with the same code): refused, so one close succeeds.
    openForChanges(account);
    const challenge = await stepUp(() => this.ownChallenge(account.id, challengeId));
    refuseDuringContactHold(account, this.now(), PAUSED);
    await stepUp(() => this.challenges.check(challenge, code, account, 'code'));
    const blockers = await this.checks.blockersFor({
      accountId: account.id,
      livemode: account.livemode,
    });
    if (blockers.length > 0) {
      throw new DashError(
        'FAILED_PRECONDITION',
        `This account cannot be closed yet. ${blockers.map((blocker) => blocker.message).join(' ')}`,
        { reason: 'CLOSE_BLOCKED', blockers: blockers.map((blocker) => blocker.reason) },
      );
    }
    await stepUp(() => this.challenges.markUsed([challenge.id]));
    const closedAt = this.now();
    await this.dataSource.transaction(async (manager) => {
      const closed = await manager
        .getRepository(Account)
        .update({ id: account.id, closedAt: IsNull() }, { closedAt, updatedAt: closedAt });
      if (!closed.affected) return;
      await manager
        .getRepository(SessionRow)
        .update({ accountId: account.id, revokedAt: IsNull() }, { revokedAt: closedAt });
      await recordAccountEvent(manager, 'account.closed', account, { by: 'account' });
    });
    // After the commit, so a gateway that re-checks sees the closed account.
    await this.credentialEpochs.bump({ accountId: account.id });
    return Object.assign(account, { closedAt });
  }

  /** Another account's challenge looks exactly like one that does not exist. */
  private async ownChallenge(accountId: string, challengeId: string): Promise<LoginChallengeRow> {
    const challenge = await this.challenges.open(challengeId, 'account_close');
    if (challenge.accountId !== accountId)
      throw refused('CHALLENGE_INVALID', 'This code request has ended. Ask for a new code.');
    return challenge;
  }
}

function allowedBy(platform: Platform, account: Account): void {
  if (!platform.featuresIn(account.livemode).closeAccount) {
    throw featureOff(
      'closeAccount',
      `${platform.name} does not allow closing accounts from the dashboard; contact ${platform.name} to close it.`,
    );
  }
}

/**
 * The caller is signed in; only its code request ended. UNAUTHENTICATED would read as "signed
 * out" to the dashboard, so the same refusal travels as a failed precondition.
 */
async function stepUp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DashError && error.extensions.code === 'UNAUTHENTICATED') {
      const { code: _unauthenticated, ...details } = error.extensions;
      throw new DashError('FAILED_PRECONDITION', error.message, details);
    }
    throw error;
  }
}
