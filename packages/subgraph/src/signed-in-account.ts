import { Ctx, Directive, Query, Resolver, type ClassType } from 'type-graphql';
import type { Access } from './access.js';

/**
 * `me`, the signed-in account, for a service that extends identity's Account with fields of its
 * own. Shareable: every such service answers it alike (the caller's account id, nothing read),
 * so the gateway plans a dashboard query for one service's fields there in one hop, and asks
 * several services in parallel instead of asking identity for the id first. A platform key is
 * refused as at identity (UNAUTHENTICATED).
 */
export function signedInAccountResolver<Account extends { id: string }>(
  account: ClassType<Account>,
) {
  @Resolver()
  class SignedInAccountResolver {
    @Query(() => account, { description: 'The signed-in connected account.' })
    @Directive('@shareable')
    me(@Ctx() { access }: { access: Access }): Account {
      return { id: access.signedInAccount().accountId } as Account;
    }
  }
  return SignedInAccountResolver;
}
