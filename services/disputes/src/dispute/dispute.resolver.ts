import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { FirstArgs, SafeInt } from '@dash/subgraph';
import type { DisputesContext } from '../context.js';
import { Account } from './account.type.js';
import { Dispute, DisputeStatus } from './dispute.entity.js';
import { DisputeTimelineEntry } from './dispute.type.js';

/** An account's disputes, as the caller may read them (none where it may not). */
@Resolver(() => Account)
export class AccountDisputesResolver {
  @FieldResolver(() => [Dispute], {
    description:
      'Those waiting for a response first (soonest due first), then the rest, newest first.',
  })
  async disputes(
    @Root() account: Account,
    @Args() { first }: FirstArgs,
    @Ctx() { access, disputes }: DisputesContext,
  ): Promise<Dispute[]> {
    const readable = await access.readAccount(account.id);
    return readable ? disputes.listed(readable, first) : [];
  }

  @FieldResolver(() => Dispute, { nullable: true })
  async dispute(
    @Root() account: Account,
    @Arg('id', () => ID) id: string,
    @Ctx() { access, disputes }: DisputesContext,
  ): Promise<Dispute | null> {
    const readable = await access.readAccount(account.id);
    return readable ? disputes.find(readable, id) : null;
  }

  @FieldResolver(() => SafeInt, { description: 'Disputes waiting for evidence from the account.' })
  async disputesNeedingResponse(
    @Root() account: Account,
    @Ctx() { access, disputes }: DisputesContext,
  ): Promise<number> {
    const readable = await access.readAccount(account.id);
    return readable ? disputes.count(readable, { status: DisputeStatus.needs_response }) : 0;
  }
}

/** A dispute's story so far. */
@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => [DisputeTimelineEntry], { description: 'Oldest first.' })
  timeline(@Root() dispute: Dispute): DisputeTimelineEntry[] {
    const closing =
      dispute.status === 'won' || dispute.status === 'lost' ? dispute.status : 'closed';
    return (
      [
        ['opened', dispute.createdAt],
        ['funds_withdrawn', dispute.withdrawnAt],
        ['evidence_submitted', dispute.evidenceSubmittedAt],
        [closing, dispute.closedAt],
        ['funds_reinstated', dispute.reinstatedAt],
      ] as Array<[string, Date | null]>
    )
      .filter((entry): entry is [string, Date] => entry[1] !== null)
      .map(([type, at]) => ({ type, at }));
  }
}
