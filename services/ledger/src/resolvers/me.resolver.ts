import { Ctx, Directive, Query, Resolver } from 'type-graphql';
import { requireAccount } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import type { LedgerContext } from '../context.js';

/**
 * The signed-in account, as identity also answers it (`@shareable`): when a query asks only for
 * the account's money, the gateway plans it here alone instead of asking identity first.
 */
@Resolver()
export class MeResolver {
  @Query(() => Account, { description: 'The signed-in connected account.' })
  @Directive('@shareable')
  me(@Ctx() { caller }: LedgerContext): Account {
    return { id: requireAccount(caller).accountId };
  }
}
