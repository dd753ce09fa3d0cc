import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { EARNINGS_RANGES } from './earnings.rules.js';

export const EarningsRangeEnum = Object.fromEntries(
  Object.keys(EARNINGS_RANGES).map((range) => [range, range]),
) as { [Range in keyof typeof EARNINGS_RANGES]: Range };
registerEnumType(EarningsRangeEnum, {
  name: 'EarningsRange',
  description:
    '24 hours by the hour; 7 days, 4 weeks and 3 months by the day; a year by the week; lifetime by the month.',
  valuesConfig: {
    last_24_hours: { description: 'The last 24 hours, by the hour.' },
    last_7_days: { description: 'The last 7 days, by the day.' },
    last_4_weeks: { description: 'The last 4 weeks, by the day.' },
    last_3_months: { description: 'The last 3 months, by the day.' },
    last_year: { description: 'The last year, by the week (weeks start on Monday).' },
    lifetime: { description: 'Since the first payment, by the month; no period before.' },
  },
});

@ObjectType({ description: 'Net volume in one bucket of the chart.' })
export class EarningsBucket {
  @Field({ description: 'Where the bucket starts, in the reader’s time zone.' }) start!: Date;
  @Field(() => SafeInt, { description: 'Net volume in the bucket, in the currency’s minor unit.' })
  net!: number;
}

@ObjectType({ description: 'Net volume of payments and transfers, less refunds, over time.' })
export class Earnings {
  @Field({ description: 'Lowercase ISO 4217 code.' }) currency!: string;
  @Field({ description: 'The IANA time zone the buckets start in.' }) timeZone!: string;
  @Field(() => [EarningsBucket], { description: 'Oldest first.' }) buckets!: EarningsBucket[];

  @Field(() => SafeInt, { description: 'All buckets together, in the currency’s minor unit.' })
  total!: number;
  @Field(() => [EarningsBucket], { description: 'The period before, for comparison.' })
  previous!: EarningsBucket[];
  @Field(() => SafeInt, { nullable: true, description: 'Null for lifetime.' })
  previousTotal!: number | null;
}
