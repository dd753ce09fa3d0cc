import {
  ArrayMaxSize,
  IsEmail,
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

@InputType({ description: 'A direct charge on one of the platform’s connected accounts.' })
export class ChargeInput {
  @Field(() => ID, { description: 'The connected account paid, `acct_…`.' }) account!: string;

  @Field(() => SafeInt, { description: 'In the currency’s minor unit (cents for usd).' })
  @Min(1, { message: 'amount must be at least 1' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount!: number;

  @Field({ description: 'A three-letter ISO 4217 code, such as usd.' })
  @Matches(CURRENCY, { message: currencyMessage })
  currency!: string;

  @Field({
    nullable: true,
    description: 'Shown to the account; "Payment from {platform}" if left out.',
  })
  @IsOptional()
  @Length(1, 500)
  description?: string;

  @Field({ nullable: true, description: 'Who paid, as the account will see it.' })
  @IsOptional()
  @Length(1, 200)
  customerName?: string;

  @Field({ nullable: true, description: 'The customer’s email; payments can be found by it.' })
  @IsOptional()
  @IsEmail({}, { message: 'customerEmail must be an email address' })
  customerEmail?: string;

  @Field({ nullable: true, description: 'The card network, such as visa.' })
  @IsOptional()
  @Length(1, 20)
  cardBrand?: string;

  @Field({
    nullable: true,
    description: 'A card ending in 0002 is declined, as in Stripe’s tests.',
  })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'cardLast4 must be four digits' })
  cardLast4?: string;

  @Field(() => SafeInt, { nullable: true, description: 'The platform’s share, in minor units.' })
  @IsOptional()
  @Min(0, { message: 'applicationFeeAmount must not be negative' })
  applicationFeeAmount?: number;

  @Field(() => [MetadataInput], {
    nullable: true,
    description: 'Up to 50 key–value pairs to keep with the payment.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  metadata?: MetadataInput[];
}

@InputType({ description: 'Finds payments by customer email (its start) or exact amount.' })
export class PaymentFilterInput {
  @Field({ nullable: true, description: 'The start of the customer’s email, any case.' })
  @IsOptional()
  @Length(1, 254)
  customerEmail?: string;

  @Field(() => SafeInt, { nullable: true, description: 'In minor units.' })
  @IsOptional()
  amount?: number;
}
