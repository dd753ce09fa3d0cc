import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum TinTypeEnum {
  ssn = 'ssn',
  itin = 'itin',
  ein = 'ein',
}
registerEnumType(TinTypeEnum, {
  name: 'TinType',
  description: 'The kind of US taxpayer identification number.',
  valuesConfig: {
    ssn: { description: 'Social Security number, of a person.' },
    itin: {
      description: 'Individual Taxpayer Identification Number, of a person without an SSN.',
    },
    ein: { description: 'Employer Identification Number, of a business.' },
  },
});

@ObjectType({ description: 'A US address as a tax form prints it.' })
export class TaxAddress {
  @Field({ description: 'Street address.' }) line1!: string;
  @Field(() => String, { nullable: true, description: 'Apartment, suite or unit.' })
  line2!: string | null;

  @Field({ description: 'City or town.' }) city!: string;
  @Field({ description: 'The state’s two-letter USPS code, such as CA.' }) state!: string;
  @Field({ description: 'ZIP or ZIP+4 code.' }) postalCode!: string;
}

@ObjectType({
  description:
    'A US account’s tax information, as on its Form W-9, and its consent to electronic tax forms. The taxpayer id is never returned whole.',
})
export class TaxInformation {
  @Field(() => TinTypeEnum, { nullable: true, description: 'Null until it is given.' })
  tinType!: TinTypeEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'The taxpayer id, only its last four digits shown: •••-••-6789 or ••-•••6789.',
  })
  maskedTin!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name on the tax return (W-9 line 1).',
  })
  legalName!: string | null;

  @Field(() => TaxAddress, { nullable: true, description: 'The address on the tax return.' })
  address!: TaxAddress | null;

  @Field({
    description:
      'True when the name and address are what onboarding gave, to start the W-9 with: nothing was certified yet.',
  })
  prefilled!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the W-9 certification was signed; null before it was.',
  })
  certifiedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name typed as the signature of the certification.',
  })
  certifiedName!: string | null;

  @Field({
    description:
      'Whether the account agreed to receive its tax forms electronically (in the dashboard, with an email), instead of by mail.',
  })
  edeliveryConsent!: boolean;

  @Field(() => Date, { nullable: true, description: 'When that consent was last given.' })
  edeliveryConsentedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When that consent was last withdrawn.' })
  edeliveryWithdrawnAt!: Date | null;
}
