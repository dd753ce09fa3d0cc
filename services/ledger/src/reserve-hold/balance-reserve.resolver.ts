import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { Balance } from '../account/balance.type.js';
import type { LedgerContext } from '../context.js';

/** How much of a balance's reserve a rolling reserve keeps. */
@Resolver(() => Balance)
export class BalanceReserveHeldResolver {
  @FieldResolver(() => SafeInt, {
    description:
      'What rolling-reserve holds keep now: part of `reserve`, each released on its day.',
  })
  reserveHeld(@Root() balance: Balance, @Ctx() context: LedgerContext): Promise<number> | number {
    if (!balance.owner) return 0;
    return context.reserveHolds.heldFor(balance.owner, balance.currency, balance.reserve);
  }
}
