import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { FIELD_KINDS, type FieldKind } from './requirement-table.rules.js';
import { BusinessType } from '../account/business-profile.entity.js';

export enum AccountLinkTypeEnum {
  ACCOUNT_ONBOARDING = 'account_onboarding',
  ACCOUNT_UPDATE = 'account_update',
}
registerEnumType(AccountLinkTypeEnum, {
  name: 'AccountLinkType',
  description: 'Onboarding collects everything for a new account; an update what is due now.',
});

/** The kinds of question, as a GraphQL enum (the list lives with the rules). */
export const OnboardingFieldKind = Object.fromEntries(FIELD_KINDS.map((kind) => [kind, kind])) as {
  [Kind in FieldKind]: Kind;
};
registerEnumType(OnboardingFieldKind, { name: 'OnboardingFieldKind' });

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

@ObjectType({
  description:
    'A single-use link into hosted onboarding for one account; it expires in five minutes. Not a login link: it opens only the onboarding flow, never the dashboard.',
})
export class AccountLink {
  @Field() url!: string;
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
}

@ObjectType({ description: 'An opened account link: the browser may now fill in onboarding.' })
export class OnboardingSession {
  @Field(() => AccountLinkTypeEnum) type!: AccountLinkTypeEnum;
  @Field({ description: 'Where to send the browser when it finishes or leaves.' })
  returnUrl!: string;
}

@ObjectType({ description: "The platform's name, colour and icon, which frame onboarding." })
export class OnboardingBrand {
  @Field() name!: string;
  @Field() brandColor!: string;
  @Field(() => String, { nullable: true }) iconUrl!: string | null;
}

@ObjectType({ description: 'One question of onboarding, with the answer saved so far.' })
export class OnboardingField {
  @Field({ description: 'The requirement key, such as individual.dob or owners.0.first_name.' })
  key!: string;

  @Field(() => OnboardingFieldKind) kind!: FieldKind;

  @Field({ description: 'Currently due: needed before charges and payouts.' })
  required!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The saved answer; personal ids show their last four digits only.',
  })
  value!: string | null;

  @Field(() => [String], { nullable: true }) options!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why verification refused the answer.' })
  error!: string | null;

  @Field(() => String, { nullable: true }) errorCode!: string | null;
}

@ObjectType({ description: 'A page of the onboarding flow.' })
export class OnboardingStep {
  @Field({
    description: 'business_type, business, representative, company, owners, bank or review.',
  })
  key!: string;

  @Field() complete!: boolean;
  @Field(() => [OnboardingField]) fields!: OnboardingField[];
}

@ObjectType({ description: 'Where an account stands in onboarding, as the flow shows it.' })
export class Onboarding {
  @Field(() => ID) accountId!: string;
  @Field() country!: string;

  @Field({ description: 'Test mode verifies with documented test values, not real people.' })
  livemode!: boolean;

  @Field(() => BusinessType, { nullable: true }) businessType!: BusinessType | null;
  @Field(() => AccountLinkTypeEnum) type!: AccountLinkTypeEnum;

  @Field(() => String, {
    nullable: true,
    description: "The platform's return URL; null when opened from the dashboard.",
  })
  returnUrl!: string | null;

  @Field(() => OnboardingBrand) platform!: OnboardingBrand;
  @Field(() => [OnboardingStep]) steps!: OnboardingStep[];
  @Field() detailsSubmitted!: boolean;
  @Field() chargesEnabled!: boolean;
  @Field() payoutsEnabled!: boolean;
  @Field(() => Requirements) requirements!: Requirements;
}
