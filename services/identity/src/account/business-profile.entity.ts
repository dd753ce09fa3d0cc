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

/** What customers see of the business: on receipts, statements and support pages. */
@ObjectType({ description: 'The public face of the business.' })
export class BusinessProfile {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) supportEmail!: string | null;
  @Field(() => String, { nullable: true }) supportPhone!: string | null;
  @Field(() => Address, { nullable: true }) supportAddress!: Address | null;
}

@ObjectType({ description: 'Why a requirement is due again: what verification made of it.' })
export class RequirementError {
  @Field({ description: 'The requirement key, such as individual.id_number.' })
  requirement!: string;

  @Field({ description: 'Stable, such as verification_failed_id_number_match.' })
  code!: string;

  @Field({ description: 'The reason in a sentence.' })
  reason!: string;
}

@ObjectType({ description: 'What the account must still provide, and by when.' })
export class Requirements {
  @Field(() => [String], { description: 'Needed now to keep charges and payouts enabled.' })
  currentlyDue!: string[];

  @Field(() => [String], { description: 'Needed later, as the account grows.' })
  eventuallyDue!: string[];

  @Field(() => [String], { description: 'Overdue: capabilities are disabled until provided.' })
  pastDue!: string[];

  @Field(() => [String], { description: 'Provided, and being verified.' })
  pendingVerification!: string[];

  @Field(() => [RequirementError], { description: 'Provided, but verification refused it.' })
  errors!: RequirementError[];

  @Field(() => Date, { nullable: true })
  currentDeadline!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why charges or payouts are disabled.' })
  disabledReason!: string | null;
}
