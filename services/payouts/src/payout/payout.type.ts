import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo, SafeInt } from '@dash/subgraph';
import { Payout, PayoutDestination, PayoutMethod } from './payout.entity.js';

@ObjectType({ description: 'A page of payouts, newest first.' })
export class PayoutPage {
  @Field(() => [Payout], { description: 'This page’s payouts, newest first.' })
  nodes!: Payout[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Money in one currency.' })
export class PayoutTotal {
  @Field({ description: 'Lowercase ISO 4217 code.' }) currency!: string;
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' }) amount!: number;
}

@ObjectType({ description: 'What an instant payout costs.' })
export class InstantPayoutPricing {
  @Field(() => Int, { description: 'Hundredths of a percent of the amount (100 is 1%).' })
  percentBps!: number;
  @Field(() => SafeInt, { description: 'The least fee, in minor units.' }) minimum!: number;
}

@ObjectType({
  description:
    'A payout worked out as it would be made now, by the same rules, without moving money.',
})
export class PayoutQuote {
  @Field(() => SafeInt, {
    description: "What reaches the destination, in the currency's minor unit.",
  })
  amount!: number;
  @Field(() => SafeInt, { description: 'The instant payout fee, taken on top of the amount.' })
  fee!: number;
  @Field(() => SafeInt, {
    description: 'What leaves the available balance: the amount plus the fee.',
  })
  net!: number;
  @Field({ description: 'Lowercase ISO 4217 code.' }) currency!: string;
  @Field(() => PayoutMethod, { description: 'standard or instant.' }) method!: PayoutMethod;
  @Field({ description: 'When the money would be expected in the bank.' }) arrivalDate!: Date;
  @Field(() => PayoutDestination, { description: 'Where it would go.' })
  destination!: PayoutDestination;
}
