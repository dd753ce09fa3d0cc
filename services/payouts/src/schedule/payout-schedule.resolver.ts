import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { DashError } from '@dash/errors';
import { Account } from '../account/account.type.js';
import { destinationsOf, scheduleOf } from '../account/payout-settings.reads.js';
import type { PayoutsContext } from '../context.js';
import { PayoutForecast } from './payout-forecast.type.js';
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
    return readable ? PayoutSchedule.of(await scheduleOf(context, readable)) : null;
  }

  @FieldResolver(() => [PayoutForecast], {
    nullable: true,
    description:
      'The next scheduled payout of each currency with a default bank account or card: its day, expected amount and arrival. Empty for a manual schedule, while payouts are off, and where nothing would be paid out; null when the ledger cannot be asked just now.',
  })
  async payoutForecast(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutForecast[] | null> {
    const readable = await context.access.readAccount(account.id);
    if (!readable) return [];
    try {
      const [rule, destinations] = await Promise.all([
        scheduleOf(context, readable),
        destinationsOf(context, readable),
      ]);
      return await context.forecasts.forecast(readable, rule, destinations);
    } catch (error) {
      // The balance card shows the rest without it rather than nothing at all.
      if (error instanceof DashError && error.extensions.code === 'UNAVAILABLE') return null;
      throw error;
    }
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
    return PayoutSchedule.of(await context.schedules.update(account, input, 'platform'));
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
    return PayoutSchedule.of(await context.schedules.update(account, input, 'account'));
  }
}
