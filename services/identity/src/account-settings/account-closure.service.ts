import { IsNull, type DataSource } from 'typeorm';
import type { CredentialEpochs } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import { recordAccountEvent } from '../accounts.repository.js';
import { Account } from '../entities/account.entity.js';
import type { Platform } from '../entities/platform.entity.js';
import { SessionRow } from '../login/login.entities.js';
import type { ClosureChecks } from './closure-checks.js';
import { featureOff } from './guards.js';

/**
 * Closing an account from its settings, where the platform allows it. Refused while anything
 * is unsettled (a balance, a payout on its way, an open dispute) — each owning service is
 * asked. Closing signs the account out everywhere and records `account.closed`; the account's
 * history stays readable by its platform.
 */
export class AccountClosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checks: ClosureChecks,
    private readonly credentialEpochs: CredentialEpochs,
  ) {}

  async close(account: Account, platform: Platform): Promise<Account> {
    if (!platform.featuresIn(account.livemode).closeAccount) {
      throw featureOff(
        'closeAccount',
        `${platform.name} does not allow closing accounts from the dashboard; contact ${platform.name} to close it.`,
      );
    }
    // Closing twice is not an error: the second time there is nothing left to do.
    if (account.closedAt) return account;
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
    const closedAt = new Date();
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
