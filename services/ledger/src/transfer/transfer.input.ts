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
  @Field(() => ID, { description: 'The connected account paid, `acct_…`.' }) account!: string;

  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  @Min(1, { message: 'amount must be at least 1' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount!: number;

  @Field({ description: 'A three-letter ISO 4217 code, such as usd.' })
  @Matches(CURRENCY, { message: currencyMessage })
  currency!: string;

  @Field({ nullable: true, description: 'What it is for, shown to the account.' })
  @IsOptional()
  @Length(1, 500)
  description?: string;

  @Field(() => [MetadataInput], {
    nullable: true,
    description: 'Up to 50 key–value pairs to keep with the transfer.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  metadata?: MetadataInput[];
}
