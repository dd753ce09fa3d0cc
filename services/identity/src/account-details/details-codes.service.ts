import { DashError } from '@dash/errors';
import type { AccountService } from '../account/account.service.js';
import type { Account } from '../account/account.entity.js';
import { openForChanges } from '../account/account.rules.js';
import type { Challenges, StartedChallenge } from '../login/challenge.service.js';
import type { ChangeGuard } from '../onboarding/onboarding.service.js';
import { sendStepUpCode } from '../settings/step-up.service.js';
import { needsStepUp } from './details-change.rules.js';

/** A code the account typed with its change: the challenge it answers, and the six digits. */
export interface StepUpAnswer {
  challengeId: string;
  code: string;
}

const stepUpRequired = (fields: string[]) =>
  new DashError(
    'FORBIDDEN',
    'Changing who you are or where you live needs the code sent to your phone or email. Ask for one with startAccountDetailsChange, then save again with it.',
    { reason: 'STEP_UP_REQUIRED', fields },
  );

/**
 * Codes that confirm a change to the account's submitted identity details (legal name, birth
 * date, id number, address, company name and tax id, business type). The onboarding answers
 * are the account's word under the terms it accepted, and what its platform and the tax
 * authorities rely on, so a stolen dashboard session alone must not rewrite them: the code
 * goes to the account's own phone (or email, without one), is bound to the account and this
 * purpose, expires, allows five tries and is used up in the transaction of the change.
 */
export class AccountDetailsCodes {
  constructor(
    private readonly challenges: Challenges,
    private readonly accounts: AccountService,
    private readonly now: () => Date,
  ) {}

  start(account: Account, sends = 1): Promise<StartedChallenge> {
    return sendStepUpCode(this.challenges, account, 'account_details', this.now(), sends);
  }

  async resend(account: Account, challengeId: string): Promise<StartedChallenge> {
    const challenge = await this.challenges.openOwn(challengeId, 'account_details', account.id);
    await this.challenges.retireForResend(challenge);
    return this.start(account, challenge.sends + 1);
  }

  /**
   * The guard of a dashboard session's save. A code given is checked first (attempt-limited,
   * another account's or purpose's challenge is refused as ended); in the save's transaction,
   * submitted details whose identity answers change need it, and use it up there — of parallel
   * saves with one code, one is written. Drafts before the submission need none.
   */
  async guard(accountId: string, answer: StepUpAnswer | null): Promise<ChangeGuard> {
    const challenge = answer ? await this.checked(accountId, answer) : null;
    return async (manager, account, changed) => {
      if (!account.tosAcceptance) return;
      const sensitive = changed.filter(needsStepUp);
      if (sensitive.length === 0) return;
      if (!challenge) throw stepUpRequired(sensitive);
      await this.challenges.markUsed([challenge.id], manager);
    };
  }

  private async checked(accountId: string, answer: StepUpAnswer) {
    const challenge = await this.challenges.openOwn(
      answer.challengeId,
      'account_details',
      accountId,
    );
    const account = openForChanges(await this.accounts.get(accountId));
    await this.challenges.check(challenge, answer.code, account, 'code');
    return challenge;
  }
}
