import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { PageArgs } from '@dash/subgraph';
import { accountPage } from '../account/account.resolver.js';
import { Account } from '../account/account.type.js';
import type { LedgerContext } from '../context.js';
import { defaultDescription } from '../postings/default-description.rules.js';
import { BalanceTransactionPage } from './balance-transaction-page.type.js';
import { BalanceTransaction } from './balance-transaction.entity.js';
import { TransactionFilterInput } from './balance-transaction.input.js';

/** The account's balance transactions, as its transactions list and detail show them. */
@Resolver(() => Account)
export class AccountTransactionsResolver {
  @FieldResolver(() => BalanceTransactionPage, { description: 'Newest first.' })
  async balanceTransactions(
    @Root() root: Account,
    @Args() page: PageArgs,
    @Arg('filter', () => TransactionFilterInput, {
      nullable: true,
      description: 'Leave out for every transaction.',
    })
    filter: TransactionFilterInput | undefined,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransactionPage> {
    const narrowed = { ...filter, currency: filter?.currency?.toLowerCase() };
    return accountPage(context.access, root.id, page, (account, first, after) =>
      after
        ? context.transactions.page(account, narrowed, first, after)
        : // A platform asking for many accounts at once: one read of all their first pages.
          context.batches.forAccount(
            `balanceTransactions:${first}:${JSON.stringify(narrowed)}`,
            account,
            (accounts) => context.transactions.firstPages(accounts, narrowed, first),
          ),
    );
  }

  @FieldResolver(() => BalanceTransaction, {
    nullable: true,
    description: 'One of the account’s balance transactions; null if it has none with this id.',
  })
  async balanceTransaction(
    @Root() root: Account,
    @Arg('id', () => ID, { description: 'The balance transaction’s id, `txn_…`.' }) id: string,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransaction | null> {
    const account = await context.access.readAccount(root.id);
    return account ? context.transactions.find(account, id) : null;
  }
}

/** A balance transaction's description, with the platform's name where it gave none. */
@Resolver(() => BalanceTransaction)
export class BalanceTransactionResolver {
  @FieldResolver(() => String, {
    description: 'What it was for: the platform’s words, or “Payment from {platform}”.',
  })
  async description(
    @Root() transaction: BalanceTransaction,
    @Ctx() context: LedgerContext,
  ): Promise<string> {
    return (
      transaction.description ?? defaultDescription(await context.platform(transaction.platformId))
    );
  }
}
