import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { DashError, SafeInt } from '@dash/subgraph';
import type { LedgerContext } from '../context.js';
import { idempotencyKeyOptions } from '../postings/money.input.js';
import { Refund } from './refund.entity.js';
import { RefundInput } from './refund.input.js';

@Resolver()
export class RefundResolver {
  @Mutation(() => Refund, {
    description:
      "For a platform: refunds all or part of a payment (several partial refunds add up to at most the payment). It may take the account's balance below zero, to be made good by its next payments.",
  })
  createRefund(
    @Arg('input', () => RefundInput, { description: 'The payment, and how much of it.' })
    input: RefundInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { access, refunds }: LedgerContext,
  ): Promise<Refund> {
    const platform = access.platform();
    return refunds.refundForPlatform(platform, input, idempotencyKey);
  }

  @Mutation(() => Refund, {
    description:
      "For the signed-in account, where its platform allows: refunds one of its payments, as far as its own money covers it (its reserve, its available balance, and the payment itself while still pending); beyond that FAILED_PRECONDITION with reason INSUFFICIENT_FUNDS and `fundable`. The platform's createRefund has no such limit.",
  })
  async refundPayment(
    @Arg('payment', () => ID, { description: 'The payment to refund, `ch_…`.' }) payment: string,
    @Arg('amount', () => SafeInt, {
      nullable: true,
      description: 'Leave out to refund all that is left.',
    })
    amount: number | undefined,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { access, refunds }: LedgerContext,
  ): Promise<Refund> {
    const account = await access.feature(
      'issueRefunds',
      'Your platform does not allow refunds from the dashboard.',
    );
    if (amount !== undefined && amount < 1)
      throw new DashError('BAD_USER_INPUT', 'amount must be at least 1', { field: 'amount' });
    return refunds.refundForAccount(account, { charge: payment, amount }, idempotencyKey);
  }
}
