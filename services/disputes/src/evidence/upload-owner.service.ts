import { Brackets, type DataSource } from 'typeorm';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { DashError, notFound } from '@dash/errors';
import type { Access } from '@dash/subgraph';
import { AWAITING_RESPONSE } from '../dispute/dispute.rules.js';
import { Dispute } from '../dispute/dispute.entity.js';
import { respondingAccount } from './responder.service.js';

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
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `account` is the request's `?account=`, as Express parsed it. */
  async ownerFor(access: Access, account: unknown): Promise<AccountRef> {
    const owner = await this.callerAccount(access, account);
    await this.requireDisputeAwaitingResponse(owner);
    return owner;
  }

  private async callerAccount(access: Access, account: unknown): Promise<AccountRef> {
    if (access.caller.kind === 'platform') {
      if (typeof account !== 'string' || !ACCOUNT_ID.test(account))
        throw new DashError(
          'BAD_USER_INPUT',
          'Name the account the evidence is for: ?account=acct_….',
          { field: 'account', reason: 'ACCOUNT_REQUIRED' },
        );
      return accountRefOf(await access.writeAccount(account));
    }
    const signedIn = await respondingAccount(access);
    // An account uploads for itself only; naming another account finds nothing.
    if (account !== undefined && account !== signedIn.accountId)
      throw notFound('account', String(account));
    return accountRefOf(signedIn);
  }

  private async requireDisputeAwaitingResponse(owner: AccountRef): Promise<void> {
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
