import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_CHARGE_AMOUNT } from '@dash/money';
import { SafeInt } from '@dash/subgraph';
import type { BalanceTransactionType } from '../domain/entries.js';
import { BalanceTransactionTypeEnum } from '../entities/balance-transaction.entity.js';
import { RefundReason } from '../entities/refund.entity.js';

/** Stripe's ceiling for one charge (shared with reserve top-ups). */
const MAX_AMOUNT = MAX_CHARGE_AMOUNT;
const CURRENCY = /^[A-Za-z]{3}$/;
const currencyMessage = 'currency must be a three-letter code such as usd';

@InputType({ description: 'A key–value pair to keep with the object (at most 50).' })
export class MetadataInput {
  @Field() @Length(1, 40) key!: string;
  @Field() @Length(0, 500) value!: string;
}

export const metadataRecord = (entries: MetadataInput[] | undefined) =>
  entries ? Object.fromEntries(entries.map(({ key, value }) => [key, value])) : undefined;

@InputType({ description: 'A direct charge on one of the platform’s connected accounts.' })
export class ChargeInput {
  @Field(() => ID) account!: string;

  @Field(() => SafeInt, { description: 'In the currency’s minor unit (cents for usd).' })
  @Min(1, { message: 'amount must be at least 1' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount!: number;

  @Field() @Matches(CURRENCY, { message: currencyMessage }) currency!: string;

  @Field({
    nullable: true,
    description: 'Shown to the account; "Payment from {platform}" if left out.',
  })
  @IsOptional()
  @Length(1, 500)
  description?: string;

  @Field({ nullable: true }) @IsOptional() @Length(1, 200) customerName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'customerEmail must be an email address' })
  customerEmail?: string;

  @Field({ nullable: true }) @IsOptional() @Length(1, 20) cardBrand?: string;

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

  @Field(() => [MetadataInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  metadata?: MetadataInput[];
}

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

@InputType({ description: 'All or part of a payment back to the customer.' })
export class RefundInput {
  @Field(() => ID) charge!: string;

  @Field(() => SafeInt, { nullable: true, description: 'Leave out to refund all that is left.' })
  @IsOptional()
  @Min(1, { message: 'amount must be at least 1' })
  amount?: number;

  @Field(() => RefundReason, { nullable: true })
  @IsOptional()
  @IsEnum(RefundReason)
  reason?: RefundReason;
}

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

@InputType({ description: 'Finds payments by customer email (its start) or exact amount.' })
export class PaymentFilterInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 254) customerEmail?: string;

  @Field(() => SafeInt, { nullable: true, description: 'In minor units.' })
  @IsOptional()
  amount?: number;
}
