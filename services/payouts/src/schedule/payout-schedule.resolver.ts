import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Account } from '../account/account.type.js';
import type { PayoutsContext } from '../context.js';
import { PayoutScheduleInput } from './payout-schedule.input.js';
import { PayoutSchedule } from './payout-schedule.type.js';

/** When an account's balance is paid out on its own: set by its platform, or by the account. */
@Resolver(() => Account)
export class PayoutScheduleResolver {
  @FieldResolver(() => PayoutSchedule, {
    nullable: true,
    description: 'When the available balance is paid out on its own.',
  })
  async payoutSchedule(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutSchedule | null> {
    const readable = await context.access.readAccount(account.id);
    return readable ? PayoutSchedule.of(await context.schedules.get(readable)) : null;
  }

  @Mutation(() => PayoutSchedule, {
    description: "For a platform: sets one account's payout schedule.",
  })
  async updatePayoutSchedule(
    @Arg('account', () => ID, { description: 'The connected account, `acct_…`.' })
    accountId: string,
    @Arg('input', () => PayoutScheduleInput, { description: 'What to change.' })
    input: PayoutScheduleInput,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutSchedule> {
    context.access.platform();
    const account = await context.access.writeAccount(accountId);
    return PayoutSchedule.of(await context.schedules.update(account, input));
  }

  @Mutation(() => PayoutSchedule, {
    description: 'For the signed-in account, where its platform allows: its payout schedule.',
  })
  async updateMyPayoutSchedule(
    @Arg('input', () => PayoutScheduleInput, { description: 'What to change.' })
    input: PayoutScheduleInput,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutSchedule> {
    const account = await context.access.feature(
      'editPayoutSchedule',
      'Your platform sets your payout schedule.',
    );
    return PayoutSchedule.of(await context.schedules.update(account, input));
  }
}
