import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CreatedRangeFilter, SafeInt } from '@dash/subgraph';
import { CURRENCY, currencyMessage } from '../postings/money.input.js';
import type { BalanceTransactionType } from '../postings/entries.rules.js';
import { BalanceTransactionTypeEnum } from './balance-transaction.entity.js';

@InputType({ description: 'Narrows the transactions list; every part is optional.' })
export class TransactionFilterInput extends CreatedRangeFilter {
  @Field(() => [BalanceTransactionTypeEnum], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  types?: BalanceTransactionType[];

  @Field({ nullable: true, description: 'Only this currency: a three-letter ISO 4217 code.' })
  @IsOptional()
  @Matches(CURRENCY, { message: currencyMessage })
  currency?: string;

  @Field(() => SafeInt, {
    nullable: true,
    description: 'Only gross amounts of at least this, in minor units (negative for money out).',
  })
  @IsOptional()
  amountMin?: number;

  @Field(() => SafeInt, {
    nullable: true,
    description: 'Only gross amounts of at most this, in minor units (negative for money out).',
  })
  @IsOptional()
  amountMax?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Only what this automatic payout paid out (po_…).',
  })
  @IsOptional()
  @Length(1, 40)
  payout?: string;
}
