import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { decodeCursor, PageArgs, toPage } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import { ExternalAccount } from '../entities/external-account.entity.js';
import { Payout, PayoutStatus } from '../entities/payout.entity.js';
import {
  InstantPayoutPricing,
  PayoutPage,
  PayoutSchedule,
  PayoutTotal,
} from '../entities/payout-views.type.js';
import type { PayoutsContext } from '../context.js';
import { readableOwner } from './access.js';

@ArgsType()
class PayoutPageArgs extends PageArgs {
  @Field(() => [PayoutStatus], { nullable: true, description: 'Only payouts in these statuses.' })
  status?: PayoutStatus[];
}

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** An account's payouts, where they go, and when: what the balance card and payouts page show. */
@Resolver(() => Account)
export class AccountPayoutsResolver {
  @FieldResolver(() => PayoutPage, { description: 'Newest first.' })
  async payouts(
    @Root() account: Account,
    @Args() { first, after, status }: PayoutPageArgs,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutPage> {
    const owner = await readableOwner(context, account.id);
    if (!owner) return emptyPage;
    const rows = await context.payouts.payoutsPage(
      owner,
      first,
      after ? decodeCursor(after) : undefined,
      status,
    );
    return toPage(rows, first);
  }

  @FieldResolver(() => Payout, { nullable: true })
  async payout(
    @Root() account: Account,
    @Arg('id', () => ID) id: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout | null> {
    const owner = await readableOwner(context, account.id);
    return owner ? context.payouts.find(owner, id) : null;
  }

  @FieldResolver(() => Payout, {
    nullable: true,
    description: 'The next payout to arrive, if one is on its way.',
  })
  async nextPayout(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout | null> {
    const owner = await readableOwner(context, account.id);
    return owner ? context.payouts.next(owner) : null;
  }

  @FieldResolver(() => [PayoutTotal], {
    description: 'Per currency, the money on its way to the bank (pending and in-transit payouts).',
  })
  async payoutsInTransit(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutTotal[]> {
    const owner = await readableOwner(context, account.id);
    return owner ? context.payouts.underway(owner) : [];
  }

  @FieldResolver(() => PayoutSchedule, { nullable: true })
  async payoutSchedule(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutSchedule | null> {
    const owner = await readableOwner(context, account.id);
    if (!owner) return null;
    return PayoutSchedule.of(await context.schedules.get(owner));
  }

  @FieldResolver(() => [ExternalAccount], {
    description: 'Bank accounts and debit cards payouts go to; defaults first.',
  })
  async externalAccounts(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount[]> {
    const owner = await readableOwner(context, account.id);
    return owner ? context.externalAccounts.list(owner) : [];
  }

  @FieldResolver(() => InstantPayoutPricing, { nullable: true })
  async instantPayoutPricing(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<InstantPayoutPricing | null> {
    return (await readableOwner(context, account.id)) ? context.instantFee : null;
  }
}
