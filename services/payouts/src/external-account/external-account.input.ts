import { IsOptional, Length } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { BankAccountInput as BankAccountFields } from './bank-details.rules.js';
import type { DebitCardInput as DebitCardFields } from './debit-cards.rules.js';

@InputType({ description: 'A bank account, checked as its country’s banks would.' })
export class BankAccountInput implements BankAccountFields {
  @Field({ description: 'ISO 3166-1 alpha-2, such as US or DE.' }) @Length(2, 2) country!: string;
  @Field({ description: 'The currency it is paid in, such as usd.' })
  @Length(3, 3)
  currency!: string;
  @Field({ description: 'The person or company the account is in the name of.' })
  @Length(1, 120)
  accountHolderName!: string;
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
  @Field({ description: 'The full card number; only its last four digits are kept.' })
  @Length(12, 23)
  number!: string;

  @Field(() => Int, { description: 'The expiry month, 1 to 12.' }) expMonth!: number;
  @Field(() => Int, { description: 'The expiry year, four digits.' }) expYear!: number;

  @Field({ description: 'The currency paid to it, such as usd.' })
  @Length(3, 3)
  currency!: string;

  @Field({ description: 'The card’s country: ISO 3166-1 alpha-2, such as US.' })
  @Length(2, 2)
  country!: string;
}
