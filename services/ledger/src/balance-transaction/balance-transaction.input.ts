import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { CURRENCY, currencyMessage } from '../postings/money.input.js';
import type { BalanceTransactionType } from '../postings/entries.rules.js';
import { BalanceTransactionTypeEnum } from './balance-transaction.entity.js';

@InputType({ description: 'Narrows the transactions list; every part is optional.' })
export class TransactionFilterInput {
  @Field(() => [BalanceTransactionTypeEnum], { nullable: true })
  @IsOptional()
  types?: BalanceTransactionType[];

  @Field({ nullable: true })
  @IsOptional()
  @Matches(CURRENCY, { message: currencyMessage })
  currency?: string;

  @Field({ nullable: true, description: 'Created at or after this moment.' })
  @IsOptional()
  createdFrom?: Date;

  @Field({ nullable: true, description: 'Created before this moment.' })
  @IsOptional()
  createdTo?: Date;

  @Field(() => SafeInt, { nullable: true }) @IsOptional() amountMin?: number;
  @Field(() => SafeInt, { nullable: true }) @IsOptional() amountMax?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Only what this automatic payout paid out (po_…).',
  })
  @IsOptional()
  @Length(1, 40)
  payout?: string;
}
