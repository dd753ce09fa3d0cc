import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BalanceTransaction } from '../entities/balance-transaction.entity.js';
import { Charge } from '../entities/charge.entity.js';
import { PaymentEvent } from '../entities/pages.type.js';
import { Refund } from '../entities/refund.entity.js';
import { defaultDescription } from '../ledger/platforms.js';
import type { LedgerContext } from '../context.js';

/** The platform's words, or "Payment from {platform}" where it gave none. */
async function describe(
  row: { description: string | null; platformId: string },
  context: LedgerContext,
): Promise<string> {
  return row.description ?? defaultDescription(await context.platform(row.platformId));
}

/** A payment's detail: its words, its refunds, its balance transaction and its timeline. */
@Resolver(() => Charge)
export class PaymentResolver {
  @FieldResolver(() => String)
  async description(@Root() charge: Charge, @Ctx() context: LedgerContext): Promise<string> {
    return describe(charge, context);
  }

  @FieldResolver(() => [Refund], { description: 'Oldest first.' })
  refunds(@Root() charge: Charge, @Ctx() context: LedgerContext): Promise<Refund[]> {
    return context.payments.refundsOf(charge.id);
  }

  @FieldResolver(() => BalanceTransaction, { nullable: true })
  balanceTransaction(
    @Root() charge: Charge,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransaction | null> | null {
    return charge.balanceTransactionId
      ? context.transactions.find(
          { accountId: charge.accountId, livemode: charge.livemode },
          charge.balanceTransactionId,
        )
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

/** A balance transaction's description, with the platform's name where it gave none. */
@Resolver(() => BalanceTransaction)
export class BalanceTransactionResolver {
  @FieldResolver(() => String)
  async description(
    @Root() transaction: BalanceTransaction,
    @Ctx() context: LedgerContext,
  ): Promise<string> {
    return describe(transaction, context);
  }
}
