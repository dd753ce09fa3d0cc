import { IsNull, type DataSource } from 'typeorm';
import type { CredentialEpochs } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import { recordAccountEvent } from '../account/account-change.service.js';
import { Account } from '../account/account.entity.js';
import { openForChanges } from '../account/account.rules.js';
import type { Challenges, StartedChallenge } from '../login/challenge.service.js';
import { SessionRow } from '../login/login.entity.js';
import type { ClosureChecks } from './closure-checks.service.js';
import { stepUp } from './step-up.rules.js';
import { refuseDuringHold, sendStepUpCode } from './step-up.service.js';

/** The refusal where the platform keeps closing for itself, naming it. */
export const closingRefused = (platformName: string) =>
  `${platformName} does not allow closing accounts from the dashboard; contact ${platformName} to close it.`;

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

  /** Sends the code that closes the account (its platform's switch is Access's to check). */
  start(account: Account, sends = 1): Promise<StartedChallenge> {
    return sendStepUpCode(this.challenges, account, 'account_close', this.now(), sends);
  }

  async resend(account: Account, challengeId: string): Promise<StartedChallenge> {
    const challenge = await stepUp(() =>
      this.challenges.openOwn(challengeId, 'account_close', account.id),
    );
    await stepUp(() => this.challenges.retireForResend(challenge));
    return this.start(account, challenge.sends + 1);
  }

  /**
   * The right code closes the account. The code is checked before the other services are asked
   * (a wrong one costs nothing else) and used up only once nothing stands in the way, so a
   * refusal for a balance leaves it good for another try; of parallel closes with one code, one
   * uses it up and closes.
   */
  async close(account: Account, challengeId: string, code: string): Promise<Account> {
    // Closed already (by a parallel request with the same code): refused, so one close succeeds.
    openForChanges(account);
    const challenge = await stepUp(() =>
      this.challenges.openOwn(challengeId, 'account_close', account.id),
    );
    refuseDuringHold(account, 'account_close', this.now());
    await stepUp(() => this.challenges.check(challenge, code, account, 'code'));
    const blockers = await this.checks.blockersFor({
      accountId: account.id,
      platformId: account.platformId,
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
}
