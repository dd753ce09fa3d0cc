import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { DashError, SafeInt } from '@dash/subgraph';
import type { DisputesContext } from '../context.js';
import { ReserveTopup } from './reserve-topup.entity.js';

/** Money an account adds to its refunds-and-disputes reserve. */
@Resolver()
export class ReserveTopupResolver {
  @Mutation(() => ReserveTopup, {
    description:
      'For the signed-in account, where its platform allows: adds money from its bank to the refunds-and-disputes reserve, which refunds and disputes draw from first. At most what one charge may be, and the daily cap a day; pending until the debit of the bank settles.',
  })
  async topUpReserve(
    @Arg('amount', () => SafeInt, { description: 'In the currency’s minor unit.' }) amount: number,
    @Arg('currency', { description: 'A three-letter ISO 4217 code, such as usd.' })
    currency: string,
    @Arg('idempotencyKey', {
      description:
        'Any unique string (a UUID): retrying with the same key and parameters returns the first top-up instead of debiting the bank twice.',
    })
    idempotencyKey: string,
    @Arg('source', () => String, {
      nullable: true,
      description:
        "Test mode only: the bank account number to debit (Stripe's failing test numbers fail). By default the account's own bank account.",
    })
    source: string | undefined,
    @Ctx() { access, topups }: DisputesContext,
  ): Promise<ReserveTopup> {
    const account = await access.feature(
      'reserveTopUps',
      'Your platform does not offer adding money to the reserve.',
    );
    if (source !== undefined && (account.livemode || !/^[0-9A-Za-z_]{4,34}$/.test(source)))
      throw new DashError(
        'BAD_USER_INPUT',
        'source is for test mode only: a test bank account number.',
        { field: 'source' },
      );
    return topups.topUp(account, amount, currency, idempotencyKey, source ?? null);
  }
}
