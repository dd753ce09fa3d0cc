import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum BusinessType {
  individual = 'individual',
  company = 'company',
  non_profit = 'non_profit',
}
registerEnumType(BusinessType, {
  name: 'BusinessType',
  description: 'What kind of business the account is; it decides what onboarding asks.',
  valuesConfig: {
    individual: { description: 'A person, such as a sole proprietor.' },
    company: { description: 'A registered company, with a representative and owners.' },
    non_profit: { description: 'A non-profit organization.' },
  },
});

@ObjectType({ description: 'A postal address.' })
export class Address {
  @Field(() => String, { nullable: true, description: 'Street and number.' })
  line1!: string | null;

  @Field(() => String, { nullable: true, description: 'Apartment, suite, unit or building.' })
  line2!: string | null;

  @Field(() => String, { nullable: true, description: 'City, town or village.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'State, county, province or prefecture.' })
  state!: string | null;

  @Field(() => String, { nullable: true, description: 'ZIP or postal code.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, such as US.' })
  country!: string | null;
}

/** A profile with nothing filled in: what a partial update merges onto. */
export const emptyBusinessProfile = (): BusinessProfile => ({
  name: null,
  url: null,
  supportEmail: null,
  supportPhone: null,
  supportAddress: null,
});

/**
 * What customers see of the business: on receipts, statements and support pages. Kept in the
 * account's row (a JSON column).
 */
@ObjectType({ description: 'The public face of the business.' })
export class BusinessProfile {
  @Field(() => String, { nullable: true, description: 'The name customers know it by.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Its website.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Where customers write for help.' })
  supportEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Where customers call for help (E.164).' })
  supportPhone!: string | null;

  @Field(() => Address, { nullable: true, description: 'Where customers send mail.' })
  supportAddress!: Address | null;
}
