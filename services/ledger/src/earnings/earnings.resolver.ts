import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { badInput, currencyInput, isTimeZone } from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { LedgerContext } from '../context.js';
import { bucketEarnings, earningsWindow, type EarningsRange } from './earnings.rules.js';
import { Earnings, EarningsRangeEnum } from './earnings.type.js';

const sum = (buckets: Array<{ net: number }>) => buckets.reduce((total, b) => total + b.net, 0);

/** The account's earnings chart: net volume per bucket, against the period before. */
@Resolver(() => Account)
export class AccountEarningsResolver {
  @FieldResolver(() => Earnings, {
    nullable: true,
    description: 'Net volume per bucket over a range, against the period before.',
  })
  async earnings(
    @Root() root: Account,
    @Arg('range', () => EarningsRangeEnum, { description: 'How far back, and so the bucket size.' })
    range: EarningsRange,
    @Arg('currency', { description: 'A three-letter ISO 4217 code, such as usd.' })
    currency: string,
    @Arg('timeZone', { description: 'An IANA zone such as Europe/Paris; buckets start in it.' })
    timeZone: string,
    @Ctx() context: LedgerContext,
  ): Promise<Earnings | null> {
    const account = await context.access.readAccount(root.id);
    if (!isTimeZone(timeZone))
      throw badInput('timeZone must be an IANA time zone such as Europe/Paris', 'timeZone');
    const code = currencyInput(currency);
    if (!account) return null;
    const first = range === 'lifetime' ? await context.earnings.firstHour(account, code) : null;
    const window = earningsWindow(range, new Date(), timeZone, first);
    const from = window.previousStarts[0] ?? window.starts[0]!;
    const hours = await context.earnings.hours(account, code, from, window.end);
    const { buckets, previous } = bucketEarnings(window, hours);
    return {
      currency: code,
      timeZone,
      buckets,
      total: sum(buckets),
      previous,
      previousTotal: range === 'lifetime' ? null : sum(previous),
    };
  }
}
