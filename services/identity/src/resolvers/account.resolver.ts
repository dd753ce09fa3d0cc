import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound, requireAccount, tenantScope } from '@dash/subgraph';
import { Account } from '../entities/account.entity.js';
import { Platform } from '../entities/platform.entity.js';
import type { IdentityContext } from '../context.js';

@Resolver(() => Account)
export class AccountResolver {
  /** The signed-in connected account. */
  @Query(() => Account)
  async me(@Ctx() { caller, accounts }: IdentityContext): Promise<Account> {
    const { accountId } = requireAccount(caller);
    const account = await accounts.findAccount(accountId, tenantScope(caller));
    if (!account) throw notFound('account', accountId);
    return account;
  }

  /** One connected account, for its platform (or for itself). */
  @Query(() => Account)
  async account(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Account> {
    const account = await accounts.findAccount(id, tenantScope(caller));
    if (!account) throw notFound('account', id);
    return account;
  }

  @FieldResolver(() => Platform)
  async platform(
    @Root() account: Account,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Platform> {
    const platform = await accounts.findPlatform(account.platformId, tenantScope(caller));
    if (!platform) throw notFound('platform', account.platformId);
    return platform;
  }
}
