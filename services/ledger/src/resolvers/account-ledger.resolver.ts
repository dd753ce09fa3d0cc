import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import {
  badInput,
  currencyInput,
  decodeCursor,
  isTimeZone,
  PageArgs,
  toPage,
} from '@dash/subgraph';
import { bucketEarnings, earningsWindow, type EarningsRange } from '../domain/earnings.js';
import { Account } from '../entities/account.type.js';
import { Balance } from '../entities/balance.type.js';
import { BalanceTransaction } from '../entities/balance-transaction.entity.js';
import { Charge } from '../entities/charge.entity.js';
import {
  BalanceTransactionPage,
  Earnings,
  EarningsRangeEnum,
  PaymentPage,
} from '../entities/pages.type.js';
import type { LedgerContext } from '../context.js';
import { PaymentFilterInput, TransactionFilterInput } from './money.inputs.js';

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
const sum = (buckets: Array<{ net: number }>) => buckets.reduce((total, b) => total + b.net, 0);

/** The account's money as the dashboard shows it: balances, transactions, payments, earnings. */
@Resolver(() => Account)
export class AccountLedgerResolver {
  @FieldResolver(() => [Balance], { description: 'One per currency the account has used.' })
  async balances(@Root() account: Account, @Ctx() context: LedgerContext): Promise<Balance[]> {
    const scope = await context.scopeFor(account.id);
    return scope ? context.balances.balances(scope, new Date()) : [];
  }

  @FieldResolver(() => BalanceTransactionPage, { description: 'Newest first.' })
  async balanceTransactions(
    @Root() account: Account,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => TransactionFilterInput, { nullable: true })
    filter: TransactionFilterInput | undefined,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransactionPage> {
    const scope = await context.scopeFor(account.id);
    if (!scope) return emptyPage;
    const rows = await context.transactions.page(
      scope,
      { ...filter, currency: filter?.currency?.toLowerCase() },
      first,
      after ? decodeCursor(after) : undefined,
    );
    return toPage(rows, first);
  }

  @FieldResolver(() => BalanceTransaction, { nullable: true })
  async balanceTransaction(
    @Root() account: Account,
    @Arg('id', () => ID) id: string,
    @Ctx() context: LedgerContext,
  ): Promise<BalanceTransaction | null> {
    const scope = await context.scopeFor(account.id);
    return scope ? context.transactions.find(scope, id) : null;
  }

  @FieldResolver(() => PaymentPage, { description: 'Payments (charges), newest first.' })
  async payments(
    @Root() account: Account,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => PaymentFilterInput, { nullable: true })
    filter: PaymentFilterInput | undefined,
    @Ctx() context: LedgerContext,
  ): Promise<PaymentPage> {
    const scope = await context.scopeFor(account.id);
    if (!scope) return emptyPage;
    const rows = await context.payments.page(
      scope,
      filter ?? {},
      first,
      after ? decodeCursor(after) : undefined,
    );
    return toPage(rows, first);
  }

  @FieldResolver(() => Charge, { nullable: true })
  async payment(
    @Root() account: Account,
    @Arg('id', () => ID) id: string,
    @Ctx() context: LedgerContext,
  ): Promise<Charge | null> {
    const scope = await context.scopeFor(account.id);
    return scope ? context.payments.find(scope, id) : null;
  }

  @FieldResolver(() => Earnings, { nullable: true })
  async earnings(
    @Root() account: Account,
    @Arg('range', () => EarningsRangeEnum) range: EarningsRange,
    @Arg('currency') currency: string,
    @Arg('timeZone', { description: 'An IANA zone such as Europe/Paris; buckets start in it.' })
    timeZone: string,
    @Ctx() context: LedgerContext,
  ): Promise<Earnings | null> {
    if (!isTimeZone(timeZone))
      throw badInput('timeZone must be an IANA time zone such as Europe/Paris', 'timeZone');
    const code = currencyInput(currency);
    const scope = await context.scopeFor(account.id);
    if (!scope) return null;
    const first = range === 'LIFETIME' ? await context.earnings.firstHour(scope, code) : null;
    const window = earningsWindow(range, new Date(), timeZone, first);
    const from = window.previousStarts[0] ?? window.starts[0]!;
    const hours = await context.earnings.hours(scope, code, from, window.end);
    const { buckets, previous } = bucketEarnings(window, hours);
    return {
      currency: code,
      timeZone,
      buckets,
      total: sum(buckets),
      previous,
      previousTotal: range === 'LIFETIME' ? null : sum(previous),
    };
  }
}
