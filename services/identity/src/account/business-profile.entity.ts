import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum BusinessType {
  individual = 'individual',
  company = 'company',
  non_profit = 'non_profit',
}
registerEnumType(BusinessType, { name: 'BusinessType' });

@ObjectType({ description: 'A postal address.' })
export class Address {
  @Field(() => String, { nullable: true }) line1!: string | null;
  @Field(() => String, { nullable: true }) line2!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
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
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) supportEmail!: string | null;
  @Field(() => String, { nullable: true }) supportPhone!: string | null;
  @Field(() => Address, { nullable: true }) supportAddress!: Address | null;
}
