import { Field, ObjectType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';

/** An account's money in one currency, in minor units. */
@ObjectType({ description: "An account's balance in one currency, in the currency's minor unit." })
export class Balance {
  @Field({ description: 'Lowercase ISO 4217 code, e.g. usd.' })
  currency!: string;

  @Field(() => SafeInt, { description: 'Can be paid out now.' })
  available!: number;

  @Field(() => SafeInt, {
    description: 'Not yet settled; becomes available on its available-on date.',
  })
  pending!: number;

  @Field(() => SafeInt, { description: 'available + pending.' })
  total!: number;
}
