import { IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeInt } from '@dash/subgraph';
import { TaxFormStatus, TaxFormTypeEnum } from './tax-form.entity.js';

@InputType({ description: 'Which tax forms to list; every part optional, all apply together.' })
export class TaxFormFilterInput {
  @Field(() => Int, { nullable: true, description: 'The calendar year reported.' })
  @IsOptional()
  year?: number;

  @Field(() => ID, { nullable: true, description: 'One of the platform’s accounts, `acct_…`.' })
  @IsOptional()
  account?: string;

  @Field(() => TaxFormTypeEnum, { nullable: true, description: 'Which form.' })
  @IsOptional()
  type?: TaxFormTypeEnum;

  @Field(() => TaxFormStatus, {
    nullable: true,
    description: 'Where they stand: mail_required lists the forms the platform must mail.',
  })
  @IsOptional()
  status?: TaxFormStatus;
}

@InputType({ description: 'The platform’s US address, as its tax forms print it.' })
export class TaxPayerAddressInput {
  @Field({ description: 'Street address.' }) line1!: string;
  @Field(() => String, { nullable: true, description: 'Suite or floor.' }) line2?: string | null;
  @Field({ description: 'City.' }) city!: string;
  @Field({ description: 'The state’s two-letter USPS code, such as CA.' }) state!: string;
  @Field({ description: 'ZIP or ZIP+4 code.' }) postalCode!: string;
}

@InputType({
  description:
    'A platform’s tax settings for the key’s mode. Leave a field out to keep it; set a threshold to null to go back to the federal one of each year.',
})
export class TaxSettingsInput {
  @Field(() => TaxFormTypeEnum, {
    nullable: true,
    description:
      'Which form the platform files for its accounts: us_1099_k (the default) or us_1099_nec.',
  })
  @IsOptional()
  formType?: TaxFormTypeEnum;

  @Field(() => String, { nullable: true, description: 'The payer’s legal name on the forms.' })
  @IsOptional()
  payerName?: string;

  @Field(() => TaxPayerAddressInput, { nullable: true, description: 'The payer’s address.' })
  @IsOptional()
  payerAddress?: TaxPayerAddressInput;

  @Field(() => String, { nullable: true, description: 'The payer’s telephone number.' })
  @IsOptional()
  payerPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The payer’s EIN, nine digits (with or without the hyphen).',
  })
  @IsOptional()
  payerTin?: string;

  @Field(() => SafeInt, {
    nullable: true,
    description:
      '1099-K: report an account whose gross is more than this many cents (federal: 2000000, $20,000).',
  })
  @IsOptional()
  @Min(0)
  kGrossAmountThreshold?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '1099-K: …and whose payments are more than this many (federal: 200).',
  })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  kTransactionCountThreshold?: number | null;

  @Field(() => SafeInt, {
    nullable: true,
    description:
      '1099-NEC: report an account paid this many cents or more (federal: 60000 through 2025, 200000 from 2026).',
  })
  @IsOptional()
  @Min(0)
  necAmountThreshold?: number | null;
}
