import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo, SafeInt } from '@dash/subgraph';
import { TaxForm, TaxFormTypeEnum } from './tax-form.entity.js';

@ObjectType({ description: 'A page of tax forms, newest first.' })
export class TaxFormPage {
  @Field(() => [TaxForm], { description: 'This page’s forms, newest first.' })
  nodes!: TaxForm[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'The payer’s US address on the forms.' })
export class TaxPayerAddress {
  @Field({ description: 'Street address.' }) line1!: string;
  @Field(() => String, { nullable: true, description: 'Suite or floor.' }) line2!: string | null;
  @Field({ description: 'City.' }) city!: string;
  @Field({ description: 'The state’s two-letter USPS code.' }) state!: string;
  @Field({ description: 'ZIP or ZIP+4 code.' }) postalCode!: string;
}

@ObjectType({ description: 'The payer printed on the forms: the platform.' })
export class TaxPayer {
  @Field({ description: 'Its legal name.' }) name!: string;
  @Field(() => TaxPayerAddress, { description: 'Its address.' }) address!: TaxPayerAddress;
  @Field(() => String, { nullable: true, description: 'Its telephone number.' })
  phone!: string | null;

  @Field({ description: 'The last four digits of its EIN.' }) tinLast4!: string;
}

@ObjectType({ description: 'When a form is filed for an account’s year.' })
export class TaxThresholds {
  @Field(() => Int, { description: 'The calendar year.' }) year!: number;
  @Field(() => SafeInt, {
    description: '1099-K: filed when the gross is more than this, in cents…',
  })
  kGrossAmountAbove!: number;

  @Field(() => Int, { description: '…and the number of payments more than this.' })
  kTransactionCountAbove!: number;

  @Field(() => SafeInt, { description: '1099-NEC: filed when the payments come to this or more.' })
  necAmountAtLeast!: number;
}

@ObjectType({ description: 'A platform’s tax settings in the key’s mode.' })
export class TaxSettings {
  @Field(() => TaxFormTypeEnum, { description: 'Which form it files for its accounts.' })
  formType!: TaxFormTypeEnum;

  @Field(() => TaxPayer, {
    nullable: true,
    description: 'The payer on its forms; null until set (forms cannot be generated before).',
  })
  payer!: TaxPayer | null;

  @Field(() => SafeInt, {
    nullable: true,
    description: 'Its own 1099-K gross threshold, in cents; null for the federal one.',
  })
  kGrossAmountThreshold!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Its own 1099-K transaction count threshold; null for the federal one.',
  })
  kTransactionCountThreshold!: number | null;

  @Field(() => SafeInt, {
    nullable: true,
    description: 'Its own 1099-NEC threshold, in cents; null for the federal one of each year.',
  })
  necAmountThreshold!: number | null;
}

@ObjectType({ description: 'One generation of a year’s forms.' })
export class TaxFormGeneration {
  @Field(() => ID, { description: 'The generation’s id, `taxrun_…`.' }) id!: string;
  @Field(() => Int, { description: 'The calendar year.' }) year!: number;
  @Field(() => TaxFormTypeEnum, { description: 'Which form was generated.' })
  type!: TaxFormTypeEnum;

  @Field(() => Int, { description: 'Forms this generation issued.' }) created!: number;
  @Field(() => Int, {
    description:
      'Accounts over the thresholds that had this year’s form already (left as they were).',
  })
  alreadyIssued!: number;

  @Field({ description: 'When it ran.' }) createdAt!: Date;
}
