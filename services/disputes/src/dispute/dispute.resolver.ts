import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { PageArgs, SafeInt } from '@dash/subgraph';
import type { DisputesContext } from '../context.js';
import { Account } from './account.type.js';
import { Dispute, DisputeStatus } from './dispute.entity.js';
import { DisputePage, DisputeTimelineEntry } from './dispute.type.js';
import { decodeDisputeCursor, disputePage, disputesScope } from './disputes.service.js';

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** An account's disputes, as the caller may read them (none where it may not). */
@Resolver(() => Account)
export class AccountDisputesResolver {
  @FieldResolver(() => DisputePage, {
    description:
      'Those waiting for a response first (soonest due first), then the rest, newest first. A dispute answered while you page moves to the second part.',
  })
  async disputes(
    @Root() account: Account,
    @Args() { first, after }: PageArgs,
    @Ctx() { access, disputes }: DisputesContext,
  ): Promise<DisputePage> {
    const readable = await access.readAccount(account.id);
    if (!readable) return emptyPage;
    const scope = disputesScope(readable.accountId);
    const position = after ? decodeDisputeCursor(after, scope) : undefined;
    return disputePage(await disputes.listed(readable, first, position), first, scope);
  }

  @FieldResolver(() => Dispute, {
    nullable: true,
    description: 'One of the account’s disputes; null if it has none with this id.',
  })
  async dispute(
    @Root() account: Account,
    @Arg('id', () => ID, { description: 'The dispute’s id, `dp_…`.' }) id: string,
    @Ctx() { access, disputes }: DisputesContext,
  ): Promise<Dispute | null> {
    const readable = await access.readAccount(account.id);
    return readable ? disputes.find(readable, id) : null;
  }

  @FieldResolver(() => SafeInt, { description: 'Disputes waiting for evidence from the account.' })
  async disputesNeedingResponse(
    @Root() account: Account,
    @Ctx() { access, batches, disputes }: DisputesContext,
  ): Promise<number> {
    const readable = await access.readAccount(account.id);
    if (!readable) return 0;
    // A platform asking for many accounts at once: one count for all of them.
    return batches.forAccount('disputesNeedingResponse', readable, (accounts) =>
      disputes.countEach(accounts, { status: DisputeStatus.needs_response }),
    );
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
