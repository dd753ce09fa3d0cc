import type { DataSource } from 'typeorm';
import { Account } from '../account/account.entity.js';
import { saveAccountChange } from '../account/account-change.service.js';
import { answersOf } from '../onboarding/requirements.rules.js';
import { isVerifiable, type VerificationResult } from '../onboarding/verification.rules.js';
import { pendingKeys, withProviderAnswers } from './details-change.rules.js';

/** Asks the account's mode's provider about these answers (see OnboardingService.verifyAnswers). */
export type VerifyAnswers = (
  account: Account,
  keys: string[],
) => Promise<Record<string, VerificationResult>>;

const BATCH = 100;

/**
 * The verification chore: accounts whose submitted details changed wait with the changed keys
 * pending (see OnboardingService.save); this asks the provider about them and records its
 * answers, with the `account.updated` that tells the account and its platform. Test mode's
 * simulated provider takes `simulatedMs` to answer, as a real one would take a while, so the
 * dashboard shows "pending verification" meanwhile. The provider is asked outside any
 * transaction; its answer is written only if nothing asked again in the meantime (the request
 * time is unchanged), so a newer change is never overwritten by an older answer, and however
 * many instances run the chore, an answer is recorded once.
 */
export class Reverification {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verify: VerifyAnswers,
    private readonly settings: { simulatedMs: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Answers every account waiting long enough; returns how many were answered. One account the
   * provider fails on does not hold up the others: it is tried again next time, and the run
   * fails with its error once the rest are answered.
   */
  async runDue(): Promise<number> {
    const now = this.now();
    const rows = (await this.dataSource.query(
      `SELECT id FROM accounts
        WHERE verification_requested_at IS NOT NULL AND closed_at IS NULL
          AND (livemode = 1 OR verification_requested_at <= ?)
        ORDER BY verification_requested_at LIMIT ?`,
      [new Date(now.getTime() - this.settings.simulatedMs), BATCH],
    )) as Array<{ id: string }>;
    let answered = 0;
    let failure: unknown;
    for (const { id } of rows) {
      try {
        if (await this.answer(id)) answered++;
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
    return answered;
  }

  private async answer(accountId: string): Promise<boolean> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: accountId });
    const requestedAt = account?.verificationRequestedAt?.getTime();
    if (!account || requestedAt === undefined) return false;
    const answers = answersOf(account);
    const asked = pendingKeys(account.verification ?? {}).filter(
      (key) => isVerifiable(key) && answers[key],
    );
    const results = asked.length > 0 ? await this.verify(account, asked) : {};
    return this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(Account)
        .findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
      if (current?.verificationRequestedAt?.getTime() !== requestedAt) return false;
      await saveAccountChange(
        manager,
        current,
        {
          verification: withProviderAnswers(current.verification ?? {}, asked, results),
          verificationRequestedAt: null,
        },
        { fields: [], by: 'account', now: this.now(), keepUnannounced: true },
      );
      return true;
    });
  }
}
