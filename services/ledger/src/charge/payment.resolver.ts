import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { accountRefOf } from '@dash/contracts';
import { PageArgs } from '@dash/subgraph';
import { accountPage } from '../account/account.resolver.js';
import { Account } from '../account/account.type.js';
import { BalanceTransaction } from '../balance-transaction/balance-transaction.entity.js';
import type { LedgerContext } from '../context.js';
import { defaultDescription } from '../postings/default-description.rules.js';
import { Refund } from '../refund/refund.entity.js';
import { Charge } from './charge.entity.js';
import { PaymentFilterInput } from './charge.input.js';
import { PaymentEvent, PaymentPage } from './payment.type.js';

/** The account's payments, as its payments list and detail show them. */
@Resolver(() => Account)
export class AccountPaymentsResolver {
  @FieldResolver(() => PaymentPage, { description: 'Payments (charges), newest first.' })
  async payments(
    @Root() root: Account,
    @Args() page: PageArgs,
    @Arg('filter', () => PaymentFilterInput, {
      nullable: true,
      description: 'Leave out for every payment.',
    })
    filter: PaymentFilterInput | undefined,
    @Ctx() context: LedgerContext,
  ): Promise<PaymentPage> {
    return accountPage(context.access, root.id, page, (account, first, after) =>
      context.payments.page(account, filter ?? {}, first, after),
    );
  }

  @FieldResolver(() => Charge, {
    nullable: true,
    description: 'One of the account’s payments; null if it has none with this id.',
  })
  async payment(
    @Root() root: Account,
    @Arg('id', () => ID, { description: 'The payment’s id, `ch_…`.' }) id: string,
    @Ctx() context: LedgerContext,
  ): Promise<Charge | null> {
    const account = await context.access.readAccount(root.id);
    return account ? context.payments.find(account, id) : null;
  }
}

/** A payment's detail: its words, its refunds, its balance transaction and its timeline. */
@Resolver(() => Charge)
export class PaymentResolver {
  @FieldResolver(() => String, {
    description: 'What it was for: the platform’s words, or “Payment from {platform}”.',
  })
  async description(@Root() charge: Charge, @Ctx() context: LedgerContext): Promise<string> {
    return charge.description ?? defaultDescription(await context.platform(charge.platformId));
  }

  @FieldResolver(() => [Refund], { description: 'Oldest first.' })
  refunds(@Root() charge: Charge, @Ctx() context: LedgerContext): Promise<Refund[]> {
    return context.payments.refundsOf(charge.id);
  }

  @FieldResolver(() => BalanceTransaction, {
    nullable: true,
    description: 'The balance transaction it made: fee, net and when it becomes available.',
  })
  balanceTransaction(
    @Root() charge: Charge,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransaction | null> | null {
    return charge.balanceTransactionId
      ? context.transactions.find(accountRefOf(charge), charge.balanceTransactionId)
      : null;
  }

  @FieldResolver(() => [PaymentEvent], { description: 'What happened to it, oldest first.' })
  async timeline(@Root() charge: Charge, @Ctx() context: LedgerContext): Promise<PaymentEvent[]> {
    const events: PaymentEvent[] = [
      { type: charge.outcome, at: charge.createdAt, amount: charge.amount },
    ];
    for (const refund of await context.payments.refundsOf(charge.id))
      events.push({ type: 'refunded', at: refund.createdAt, amount: refund.amount });
    return events;
  }
}
