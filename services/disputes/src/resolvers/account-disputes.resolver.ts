import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { accountRowsScope, FirstArgs, SafeInt } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import { Dispute, DisputeStatus } from '../entities/dispute.entity.js';
import type { DisputesContext } from '../context.js';

@Resolver(() => Account)
export class AccountDisputesResolver {
  @FieldResolver(() => [Dispute], {
    description:
      'Those waiting for a response first (soonest due first), then the rest, newest first.',
  })
  async disputes(
    @Root() account: Account,
    @Args() { first }: FirstArgs,
    @Ctx() { caller, disputes }: DisputesContext,
  ): Promise<Dispute[]> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? disputes.listed(scope, first) : [];
  }

  @FieldResolver(() => Dispute, { nullable: true })
  async dispute(
    @Root() account: Account,
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, disputes }: DisputesContext,
  ): Promise<Dispute | null> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? disputes.find(scope, id) : null;
  }

  @FieldResolver(() => SafeInt, { description: 'Disputes waiting for evidence from the account.' })
  async disputesNeedingResponse(
    @Root() account: Account,
    @Ctx() { caller, disputes }: DisputesContext,
  ): Promise<number> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? disputes.count(scope, { status: DisputeStatus.needs_response }) : 0;
  }
}
