import { Brackets, type DataSource } from 'typeorm';
import type { Caller } from '@dash/auth-context';
import { DashError, notFound } from '@dash/errors';
import { platformLookup, requireFeature, type AccountDirectory } from '@dash/subgraph';
import { awaitingResponse, DISPUTE_STATUSES } from '../domain/lifecycle.js';
import { Dispute } from '../entities/dispute.entity.js';

/** Whose evidence a file is: the account that answers the dispute with it. */
export interface FileOwner {
  accountId: string;
  platformId: string;
  livemode: boolean;
}

const AWAITING_RESPONSE = DISPUTE_STATUSES.filter(awaitingResponse);

const ACCOUNT_ID = /^acct_[0-9A-Za-z]{1,36}$/;

/**
 * Who may upload evidence, and for which account: an account where its platform lets it answer
 * disputes (`manageDisputes`), or a platform for one of its own open accounts in the key's mode
 * (`?account=acct_…`). Either way only while that account has a dispute waiting for a
 * response, so files are uploaded to answer a dispute, not to use our storage.
 */
export class UploadOwners {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: AccountDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `account` is the request's `?account=`, as Express parsed it. */
  async ownerFor(caller: Caller, account: unknown): Promise<FileOwner> {
    const owner = await this.callerAccount(caller, account);
    await this.requireDisputeAwaitingResponse(owner);
    return owner;
  }

  private async callerAccount(caller: Caller, account: unknown): Promise<FileOwner> {
    if (caller.kind === 'platform') {
      if (typeof account !== 'string' || !ACCOUNT_ID.test(account))
        throw new DashError(
          'BAD_USER_INPUT',
          'Name the account the evidence is for: ?account=acct_….',
          { field: 'account', reason: 'ACCOUNT_REQUIRED' },
        );
      const owner = await this.directory.openAccountOf(caller, account);
      return { accountId: owner.accountId, platformId: owner.platformId, livemode: owner.livemode };
    }
    const signedIn = await requireFeature(
      caller,
      platformLookup(this.dataSource),
      'manageDisputes',
      'Your platform responds to disputes for you.',
    );
    // An account uploads for itself only; naming another account finds nothing.
    if (account !== undefined && account !== signedIn.accountId)
      throw notFound('account', String(account));
    return {
      accountId: signedIn.accountId,
      platformId: signedIn.platformId,
      livemode: signedIn.livemode,
    };
  }

  private async requireDisputeAwaitingResponse(owner: FileOwner): Promise<void> {
    const waiting = await this.dataSource
      .getRepository(Dispute)
      .createQueryBuilder('dispute')
      .where('dispute.accountId = :accountId AND dispute.livemode = :livemode', owner)
      .andWhere('dispute.status IN (:...statuses)', { statuses: AWAITING_RESPONSE })
      .andWhere(
        new Brackets((due) =>
          due
            .where('dispute.evidenceDueBy IS NULL')
            .orWhere('dispute.evidenceDueBy > :now', { now: this.now() }),
        ),
      )
      .getExists();
    if (!waiting)
      throw new DashError(
        'FAILED_PRECONDITION',
        'Evidence can be uploaded only while a dispute is waiting for a response.',
        { reason: 'NO_DISPUTE_AWAITING_RESPONSE' },
      );
  }
}
