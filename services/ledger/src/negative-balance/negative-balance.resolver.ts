import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Balance } from '../account/balance.type.js';
import { BalanceTransactionTypeEnum } from '../balance-transaction/balance-transaction.entity.js';
import type { LedgerContext } from '../context.js';
import type { BalanceTransactionType } from '../postings/entries.rules.js';
import type { NegativeBalanceExplanation } from './negative-balances.service.js';

/** One look-up per balance, however many of its explaining fields a query asks for. */
const explained = new WeakMap<Balance, Promise<NegativeBalanceExplanation | null>>();

function explanationOf(
  balance: Balance,
  context: LedgerContext,
): Promise<NegativeBalanceExplanation | null> {
  // The balance read through access (see AccountBalancesResolver) carries its owner.
  if (balance.available >= 0 || !balance.owner) return Promise.resolve(null);
  let explanation = explained.get(balance);
  if (!explanation) {
    explanation = context.negativeBalances.explain(balance.owner, balance.currency);
    explained.set(balance, explanation);
  }
  return explanation;
}

/** Why a balance is below zero and when it will be recovered from the account's bank. */
@Resolver(() => Balance)
export class BalanceNegativeResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Since when `available` has been below zero; null unless it is.',
  })
  async negativeSince(
    @Root() balance: Balance,
    @Ctx() context: LedgerContext,
  ): Promise<Date | null> {
    return (await explanationOf(balance, context))?.since ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'When what is owed will be debited from the account’s bank account (negativeSince plus the platform’s recovery days); null unless `available` is below zero.',
  })
  async recoveryScheduledFor(
    @Root() balance: Balance,
    @Ctx() context: LedgerContext,
  ): Promise<Date | null> {
    return (await explanationOf(balance, context))?.recoveryScheduledFor ?? null;
  }

  @FieldResolver(() => [BalanceTransactionTypeEnum], {
    description:
      'The kinds of debits (refund, dispute, …) that took money out from 30 days before the balance went negative until now; empty unless `available` is below zero.',
  })
  async negativeCauses(
    @Root() balance: Balance,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransactionType[]> {
    return (await explanationOf(balance, context))?.causes ?? [];
  }
}
