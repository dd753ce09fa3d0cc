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
});

@ObjectType({ description: 'Net volume in one bucket of the chart.' })
export class EarningsBucket {
  @Field({ description: 'Where the bucket starts, in the reader’s time zone.' }) start!: Date;
  @Field(() => SafeInt) net!: number;
}

@ObjectType({ description: 'Net volume of payments and transfers, less refunds, over time.' })
export class Earnings {
  @Field() currency!: string;
  @Field() timeZone!: string;
  @Field(() => [EarningsBucket]) buckets!: EarningsBucket[];
  @Field(() => SafeInt) total!: number;
  @Field(() => [EarningsBucket], { description: 'The period before, for comparison.' })
  previous!: EarningsBucket[];
  @Field(() => SafeInt, { nullable: true, description: 'Null for lifetime.' })
  previousTotal!: number | null;
}
