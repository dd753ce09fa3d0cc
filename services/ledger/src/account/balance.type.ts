import { Field, ObjectType } from 'type-graphql';
import type { AccountRef } from '@dash/contracts';
import { SafeInt } from '@dash/subgraph';

@ObjectType({ description: 'Money that becomes available on one day.' })
export class AvailableSoon {
  @Field({ description: 'The day (start of day, UTC) the money becomes available.' })
  availableOn!: Date;

  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;
}

/** An account's money in one currency, in minor units. */
@ObjectType({ description: "An account's balance in one currency, in the currency's minor unit." })
export class Balance {
  @Field({ description: 'Lowercase ISO 4217 code, e.g. usd.' })
  currency!: string;

  @Field(() => SafeInt, { description: 'Can be paid out now (negative when the account owes).' })
  available!: number;

  @Field(() => SafeInt, {
    description: 'Not yet settled; becomes available on its available-on date.',
  })
  pending!: number;

  @Field(() => SafeInt, { description: 'Kept back for future refunds and disputes.' })
  reserve!: number;

  @Field(() => SafeInt, { description: 'available + pending + reserve.' })
  total!: number;

  @Field(() => [AvailableSoon], { description: 'The pending money, by the day it settles.' })
  availableSoon!: AvailableSoon[];

  /** Whose balance it is: what the fields explaining a negative balance look up. */
  owner?: Pick<AccountRef, 'accountId' | 'livemode'>;
}
