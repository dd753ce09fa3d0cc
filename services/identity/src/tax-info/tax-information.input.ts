import { Field, InputType } from 'type-graphql';
import { TinTypeEnum } from './tax-information.type.js';

@InputType({ description: 'A US address, as on the tax return.' })
export class TaxAddressInput {
  @Field({ description: 'Street address.' }) line1!: string;
  @Field(() => String, { nullable: true, description: 'Apartment, suite or unit.' })
  line2?: string | null;

  @Field({ description: 'City or town.' }) city!: string;
  @Field({ description: 'The state’s two-letter USPS code, such as CA.' }) state!: string;
  @Field({ description: 'ZIP or ZIP+4 code, such as 94103 or 94103-1234.' }) postalCode!: string;
}

@InputType({
  description:
    'A Form W-9: the taxpayer id, the name and address on the tax return, and the signed certification.',
})
export class TaxInformationInput {
  @Field(() => TinTypeEnum, { description: 'SSN or ITIN for a person, EIN for a business.' })
  tinType!: TinTypeEnum;

  @Field({ description: 'The nine digits, with or without hyphens.' }) tin!: string;
  @Field({ description: 'The name on the tax return (W-9 line 1).' }) legalName!: string;
  @Field(() => TaxAddressInput, { description: 'The address on the tax return.' })
  address!: TaxAddressInput;

  @Field({
    description:
      'True: under penalties of perjury, the account certifies the W-9 statements (its correct taxpayer id; not subject to backup withholding; a US person; FATCA codes, if any, correct).',
  })
  certify!: boolean;

  @Field({ description: 'The name typed as the signature of the certification.' })
  signatureName!: string;
}
