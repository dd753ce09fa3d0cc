import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';

/** Identity's RiskOverview, extended here with the money at stake. */
@ObjectType()
@Directive('@key(fields: "id")')
export class RiskOverview {
  @Field(() => ID)
  id!: string;

  /** The tenant the id names, once the caller is checked against it; not a field. */
  platformId!: string;
  livemode!: boolean;
}

@ObjectType({ description: 'An amount in one currency, in its minor unit.' })
export class RiskMoney {
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' }) amount!: number;
  @Field({ description: 'Lowercase ISO 4217 code, e.g. usd.' }) currency!: string;
}

@ObjectType({ description: 'Negative balances of one currency that have been negative this long.' })
export class NegativeBalanceBucket {
  @Field(() => Int, { description: 'Negative for at least this many days.' }) minDays!: number;

  @Field(() => Int, { nullable: true, description: 'At most this many days; null: no limit.' })
  maxDays!: number | null;

  @Field({ description: 'Lowercase ISO 4217 code, e.g. usd.' }) currency!: string;

  @Field(() => SafeInt, { description: 'What the accounts owe together, minor units.' })
  amount!: number;

  @Field(() => Int, { description: 'How many accounts.' }) accounts!: number;
}
