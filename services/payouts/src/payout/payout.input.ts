import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { PayoutMethod } from './payout.entity.js';

@InputType({ description: 'A payout asked for: how much, in which currency, how fast, to where.' })
export class PayoutInput {
  @Field(() => SafeInt, { description: "In the currency's minor unit." }) amount!: number;
  @Field({ description: 'A three-letter ISO 4217 code, such as usd.' })
  @Length(3, 3)
  currency!: string;
  @Field(() => PayoutMethod, {
    defaultValue: PayoutMethod.standard,
    description: 'instant: to a debit card within minutes, for a fee.',
  })
  method!: PayoutMethod;
  @Field(() => ID, {
    nullable: true,
    description: 'A bank account or card; by default the currency’s default (a card, for instant).',
  })
  @IsOptional()
  destination?: string;
  @Field({ nullable: true, description: 'What the bank statement shows.' })
  @IsOptional()
  @Length(1, 200)
  description?: string;
}
