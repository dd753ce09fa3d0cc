import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { DashError, requireFeature, requirePlatform, SafeInt } from '@dash/subgraph';
import { Charge } from '../entities/charge.entity.js';
import { Refund } from '../entities/refund.entity.js';
import { Transfer } from '../entities/transfer.entity.js';
import type { LedgerContext } from '../context.js';
import { ChargeInput, metadataRecord, RefundInput, TransferInput } from './money.inputs.js';

const idempotencyKeyOptions = {
  description:
    'Any unique string (a UUID): retrying with the same key and parameters returns the first result instead of moving money twice. Kept at least 24 hours.',
};

/** The money-moving API: charges, transfers and refunds, each with an idempotency key. */
@Resolver()
export class MoneyResolver {
  @Mutation(() => Charge, {
    description: 'For a platform: a direct charge on one of its accounts.',
  })
  createCharge(
    @Arg('input', () => ChargeInput) input: ChargeInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { caller, movements }: LedgerContext,
  ): Promise<Charge> {
    const platform = requirePlatform(caller);
    return movements.createCharge(
      platform,
      { ...input, metadata: metadataRecord(input.metadata) },
      idempotencyKey,
    );
  }

  @Mutation(() => Transfer, {
    description: 'For a platform: money from its balance to an account.',
  })
  createTransfer(
    @Arg('input', () => TransferInput) input: TransferInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { caller, movements }: LedgerContext,
  ): Promise<Transfer> {
    const platform = requirePlatform(caller);
    return movements.createTransfer(
      platform,
      { ...input, metadata: metadataRecord(input.metadata) },
      idempotencyKey,
    );
  }

  @Mutation(() => Refund, {
    description:
      "For a platform: refunds all or part of a payment (several partial refunds add up to at most the payment). It may take the account's balance below zero, to be made good by its next payments.",
  })
  createRefund(
    @Arg('input', () => RefundInput) input: RefundInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { caller, movements }: LedgerContext,
  ): Promise<Refund> {
    return movements.refundForPlatform(requirePlatform(caller), input, idempotencyKey);
  }

  @Mutation(() => Refund, {
    description:
      "For the signed-in account, where its platform allows: refunds one of its payments, as far as its own money covers it (its reserve, its available balance, and the payment itself while still pending); beyond that FAILED_PRECONDITION with reason INSUFFICIENT_FUNDS and `fundable`. The platform's createRefund has no such limit.",
  })
  async refundPayment(
    @Arg('payment', () => ID) payment: string,
    @Arg('amount', () => SafeInt, {
      nullable: true,
      description: 'Leave out to refund all that is left.',
    })
    amount: number | undefined,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() { caller, movements, platform }: LedgerContext,
  ): Promise<Refund> {
    const account = await requireFeature(
      caller,
      platform,
      'issueRefunds',
      'Your platform does not allow refunds from the dashboard.',
    );
    if (amount !== undefined && amount < 1)
      throw new DashError('BAD_USER_INPUT', 'amount must be at least 1', { field: 'amount' });
    return movements.refundForAccount(account, { charge: payment, amount }, idempotencyKey);
  }
}
