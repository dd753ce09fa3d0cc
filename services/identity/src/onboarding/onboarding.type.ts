import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { FIELD_KINDS, type FieldKind } from './requirement-table.rules.js';
import { BusinessType } from '../account/business-profile.entity.js';

export enum AccountLinkTypeEnum {
  account_onboarding = 'account_onboarding',
  account_update = 'account_update',
}
registerEnumType(AccountLinkTypeEnum, {
  name: 'AccountLinkType',
  description: 'Onboarding collects everything for a new account; an update what is due now.',
  valuesConfig: {
    account_onboarding: { description: 'The whole flow, for an account that has not finished it.' },
    account_update: { description: 'The same flow, opened on what is due now.' },
  },
});

/** The kinds of question, as a GraphQL enum (the list lives with the rules). */
export const OnboardingFieldKind = Object.fromEntries(FIELD_KINDS.map((kind) => [kind, kind])) as {
  [Kind in FieldKind]: Kind;
};
registerEnumType(OnboardingFieldKind, {
  name: 'OnboardingFieldKind',
  description: 'How a question of onboarding is asked and checked.',
  valuesConfig: {
    text: { description: 'Free text.' },
    email: { description: 'An email address.' },
    phone: { description: 'A phone number, such as +15555550142.' },
    url: { description: 'A web address, such as example.com.' },
    date: { description: 'A date, YYYY-MM-DD.' },
    select: { description: 'One of the field’s `options`.' },
    country: { description: 'A country: ISO 3166-1 alpha-2, such as US.' },
    checkbox: { description: 'true or false.' },
    percent: { description: 'A percentage, 0 to 100.' },
    id_number: { description: 'A national or tax id; once saved, only its last four digits show.' },
    document: {
      description:
        'An identity document, uploaded and sent with attachVerificationDocument; `value` is the last one’s review: pending, verified or failed.',
    },
  },
});

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

  @Field(() => Date, {
    nullable: true,
    description: 'When what is currently due must be in, before capabilities are disabled.',
  })
  currentDeadline!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why charges or payouts are disabled.' })
  disabledReason!: string | null;
}

@ObjectType({
  description:
    'A single-use link into hosted onboarding for one account; it expires in five minutes. Not a login link: it opens only the onboarding flow, never the dashboard.',
})
export class AccountLink {
  @Field({ description: 'Send the account’s owner here, from the platform’s own signed-in pages.' })
  url!: string;

  @Field({ description: 'When it was made.' }) createdAt!: Date;
  @Field({ description: 'When it stops working, five minutes after it was made.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'An opened account link: the browser may now fill in onboarding.' })
export class OnboardingSession {
  @Field(() => AccountLinkTypeEnum, { description: 'The kind of link that was opened.' })
  type!: AccountLinkTypeEnum;

  @Field({ description: 'Where to send the browser when it finishes or leaves.' })
  returnUrl!: string;
}

@ObjectType({
  description: "The platform's name, colour, icon and support contact, which frame onboarding.",
})
export class OnboardingBrand {
  @Field({ description: 'The platform’s name.' }) name!: string;
  @Field({ description: 'The platform’s colour, #rrggbb.' }) brandColor!: string;

  @Field(() => String, { nullable: true, description: 'The platform’s icon; null without one.' })
  iconUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to email the platform for help.' })
  supportEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to call the platform for help.' })
  supportPhone!: string | null;

  @Field(() => String, { nullable: true, description: 'The platform’s help page.' })
  supportUrl!: string | null;
}

@ObjectType({ description: 'One question of onboarding, with the answer saved so far.' })
export class OnboardingField {
  @Field({ description: 'The requirement key, such as individual.dob or owners.0.first_name.' })
  key!: string;

  @Field(() => OnboardingFieldKind, { description: 'How it is asked and checked.' })
  kind!: FieldKind;

  @Field({ description: 'Currently due: needed before charges and payouts.' })
  required!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The saved answer; personal ids show their last four digits only.',
  })
  value!: string | null;

  @Field(() => [String], { nullable: true, description: 'For SELECT: the values to choose from.' })
  options!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why verification refused the answer.' })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The refusal as a stable code, such as verification_failed_id_number_match.',
  })
  errorCode!: string | null;
}

@ObjectType({ description: 'A page of the onboarding flow.' })
export class OnboardingStep {
  @Field({
    description:
      'business_type, business, representative, company, owners, documents, bank or review.',
  })
  key!: string;

  @Field({ description: 'Whether every required question of the step is answered.' })
  complete!: boolean;

  @Field(() => [OnboardingField], { description: 'Its questions, in order.' })
  fields!: OnboardingField[];
}

@ObjectType({ description: 'Where an account stands in onboarding, as the flow shows it.' })
export class Onboarding {
  @Field(() => ID, { description: 'The account, `acct_…`.' }) accountId!: string;
  @Field({ description: 'Where the business is: ISO 3166-1 alpha-2.' }) country!: string;

  @Field({ description: 'Test mode verifies with documented test values, not real people.' })
  livemode!: boolean;

  @Field(() => BusinessType, { nullable: true, description: 'Null until it is chosen.' })
  businessType!: BusinessType | null;

  @Field(() => AccountLinkTypeEnum, { description: 'Onboarding, or an update of what is due.' })
  type!: AccountLinkTypeEnum;

  @Field(() => String, {
    nullable: true,
    description: "The platform's return URL; null when opened from the dashboard.",
  })
  returnUrl!: string | null;

  @Field(() => OnboardingBrand, { description: 'The platform, which frames the flow.' })
  platform!: OnboardingBrand;

  @Field(() => [OnboardingStep], { description: 'The pages of the flow, in order.' })
  steps!: OnboardingStep[];

  @Field({ description: 'Whether the account has accepted the terms and submitted.' })
  detailsSubmitted!: boolean;

  @Field({ description: 'Whether the account can take payments now.' }) chargesEnabled!: boolean;
  @Field({ description: 'Whether money can be paid out to it now.' }) payoutsEnabled!: boolean;

  @Field(() => Requirements, { description: 'What is still due, and by when.' })
  requirements!: Requirements;
}
