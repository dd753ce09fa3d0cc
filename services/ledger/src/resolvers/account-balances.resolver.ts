import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { accountRowsScope } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import { Balance } from '../entities/balance.type.js';
import { toBalances } from '../domain/balances.js';
import type { LedgerContext } from '../context.js';

@Resolver(() => Account)
export class AccountBalancesResolver {
  /** One entry per currency the account has ever moved money in. */
  @FieldResolver(() => [Balance])
  async balances(
    @Root() account: Account,
    @Ctx() { caller, balances }: LedgerContext,
  ): Promise<Balance[]> {
    const scope = accountRowsScope(caller, account.id);
    if (!scope) return [];
    return toBalances(await balances.sumByCurrency(scope, new Date()));
  }
}
