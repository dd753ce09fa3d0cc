import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import type { BankAccountInput as BankAccountFields } from '../domain/bank-details.js';
import type { DebitCardInput as DebitCardFields } from '../domain/debit-cards.js';
import type { PayoutInterval, Weekday } from '../domain/schedule.js';
import { PayoutMethod } from '../entities/payout.entity.js';
import { PayoutIntervalEnum, WeekdayEnum } from '../entities/payout-views.type.js';

@InputType({ description: 'A bank account, checked as its country’s banks would.' })
export class BankAccountInput implements BankAccountFields {
  @Field({ description: 'ISO 3166-1 alpha-2, such as US or DE.' }) @Length(2, 2) country!: string;
  @Field({ description: 'The currency it is paid in, such as usd.' })
  @Length(3, 3)
  currency!: string;
  @Field() @Length(1, 120) accountHolderName!: string;
  @Field({
    nullable: true,
    description: 'ABA routing number (US), sort code (GB), BSB (AU)…; not for IBAN countries.',
  })
  @IsOptional()
  @Length(1, 20)
  routingNumber?: string;
  @Field({ description: 'The account number, or the IBAN where the country uses one.' })
  @Length(4, 40)
  accountNumber!: string;
}

@InputType({ description: 'A Visa or Mastercard debit card, for instant payouts.' })
export class DebitCardInput implements DebitCardFields {
  @Field() @Length(12, 23) number!: string;
  @Field(() => Int) expMonth!: number;
  @Field(() => Int) expYear!: number;
  @Field() @Length(3, 3) currency!: string;
  @Field() @Length(2, 2) country!: string;
}

@InputType({ description: 'What to change; what is left out stays as it is.' })
export class PayoutScheduleInput {
  @Field(() => PayoutIntervalEnum, { nullable: true }) @IsOptional() interval?: PayoutInterval;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(31) delayDays?: number;
  @Field(() => WeekdayEnum, { nullable: true }) @IsOptional() weeklyAnchor?: Weekday;
  @Field(() => Int, { nullable: true }) @IsOptional() monthlyAnchor?: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 64) timeZone?: string;
}

@InputType({ description: 'A payout asked for: how much, in which currency, how fast, to where.' })
export class PayoutInput {
  @Field(() => SafeInt, { description: "In the currency's minor unit." }) amount!: number;
  @Field() @Length(3, 3) currency!: string;
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
