import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { accountRowsScope, FirstArgs } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import { Payout } from '../entities/payout.entity.js';
import type { PayoutsContext } from '../context.js';

@Resolver(() => Account)
export class AccountPayoutsResolver {
  @FieldResolver(() => [Payout], { description: 'Newest first.' })
  async payouts(
    @Root() account: Account,
    @Args() { first }: FirstArgs,
    @Ctx() { caller, payouts }: PayoutsContext,
  ): Promise<Payout[]> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? payouts.newest(scope, first) : [];
  }

  @FieldResolver(() => Payout, {
    nullable: true,
    description: 'The next payout to arrive, if one is on its way.',
  })
  async nextPayout(
    @Root() account: Account,
    @Ctx() { caller, payouts }: PayoutsContext,
  ): Promise<Payout | null> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? payouts.next(scope) : null;
  }
}
