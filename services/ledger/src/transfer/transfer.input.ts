import {
  ArrayMaxSize,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { CURRENCY, currencyMessage, MAX_AMOUNT, MetadataInput } from '../postings/money.input.js';

@InputType({ description: 'Money from the platform’s balance to one of its accounts.' })
export class TransferInput {
  @Field(() => ID) account!: string;

  @Field(() => SafeInt)
  @Min(1, { message: 'amount must be at least 1' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount!: number;

  @Field() @Matches(CURRENCY, { message: currencyMessage }) currency!: string;

  @Field({ nullable: true }) @IsOptional() @Length(1, 500) description?: string;

  @Field(() => [MetadataInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  metadata?: MetadataInput[];
}
