import {
  IsEmail,
  IsEnum,
  IsISO31661Alpha2,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BusinessType } from './business-profile.entity.js';

export const E164 = /^\+[1-9]\d{6,14}$/;
const CURRENCY = /^[A-Za-z]{3}$/;
// Card networks reject these characters and descriptors made only of digits.
const DESCRIPTOR = /^(?=.*[A-Za-z])[^<>\\'"*]{5,22}$/;

@InputType({ description: 'A postal address; every part is optional.' })
export class AddressInput {
  @Field({ nullable: true, description: 'Street and number.' })
  @IsOptional()
  @Length(1, 200)
  line1?: string;

  @Field({ nullable: true, description: 'Apartment, suite, unit or building.' })
  @IsOptional()
  @Length(1, 200)
  line2?: string;

  @Field({ nullable: true, description: 'City, town or village.' })
  @IsOptional()
  @Length(1, 100)
  city?: string;

  @Field({ nullable: true, description: 'State, county, province or prefecture.' })
  @IsOptional()
  @Length(1, 100)
  state?: string;

  @Field({ nullable: true, description: 'ZIP or postal code.' })
  @IsOptional()
  @Length(1, 20)
  postalCode?: string;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2, such as US.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be a two-letter country code such as US' })
  country?: string;
}

@InputType({ description: 'What customers see of the business; parts left out stay as they are.' })
export class BusinessProfileInput {
  @Field({ nullable: true, description: 'The name customers know it by.' })
  @IsOptional()
  @Length(1, 120)
  name?: string;

  @Field({ nullable: true, description: 'Its website: a full URL such as https://example.com.' })
  @IsOptional()
  @IsUrl(
    { require_protocol: true },
    { message: 'url must be a full URL such as https://example.com' },
  )
  url?: string;

  @Field({ nullable: true, description: 'Where customers write for help.' })
  @IsOptional()
  @IsEmail({}, { message: 'supportEmail must be an email address' })
  supportEmail?: string;

  @Field({
    nullable: true,
    description: 'Where customers call for help: E.164, such as +15555550142.',
  })
  @IsOptional()
  @Matches(E164, { message: 'supportPhone must be in international format such as +15555550142' })
  supportPhone?: string;

  @Field(() => AddressInput, { nullable: true, description: 'Where customers send mail.' })
  @IsOptional()
  @ValidateNested()
  supportAddress?: AddressInput;
}

/**
 * What customers see of the account: the account itself may change these from its settings
 * (email and phone need a confirmation code, so they are not here).
 */
@InputType({ description: 'Public information an account edits in its settings.' })
export class PublicInfoInput {
  @Field({ nullable: true, description: 'The name the account goes by, 1 to 120 characters.' })
  @IsOptional()
  @Length(1, 120)
  displayName?: string;

  @Field(() => BusinessProfileInput, {
    nullable: true,
    description: 'What customers see of the business.',
  })
  @IsOptional()
  @ValidateNested()
  businessProfile?: BusinessProfileInput;

  @Field({
    nullable: true,
    description:
      'What appears on customers’ card statements: 5–22 characters with a letter, none of < > \\ \' " *.',
  })
  @IsOptional()
  @Matches(DESCRIPTOR, {
    message: 'statementDescriptor must be 5–22 characters with a letter and none of < > \\ \' " *',
  })
  statementDescriptor?: string;
}

/** Fields a platform may set on an account, when creating or updating it. */
@InputType()
class AccountFields extends PublicInfoInput {
  @Field({
    nullable: true,
    description: 'E.164, such as +15555550142: where sign-in codes go by SMS.',
  })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in international format such as +15555550142' })
  phone?: string;

  @Field({
    nullable: true,
    description: 'A three-letter ISO 4217 code; by default the country’s currency.',
  })
  @IsOptional()
  @Matches(CURRENCY, {
    message: 'defaultCurrency must be a three-letter currency code such as usd',
  })
  defaultCurrency?: string;

  @Field(() => BusinessType, { nullable: true, description: 'Left out, onboarding asks.' })
  @IsOptional()
  @IsEnum(BusinessType)
  businessType?: BusinessType;
}

@InputType({ description: 'A new Express account. Its mode (test or live) is the calling key’s.' })
export class CreateAccountInput extends AccountFields {
  @Field({ description: 'Where emails go, and sign-in codes when there is no phone.' })
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @Field({
    description:
      'Where the business is: ISO 3166-1 alpha-2, such as US. It decides what onboarding asks.',
  })
  @IsISO31661Alpha2({ message: 'country must be a two-letter country code such as US' })
  country!: string;
}

@InputType({ description: 'Changes to an account; fields left out stay as they are.' })
export class UpdateAccountInput extends AccountFields {
  @Field({
    nullable: true,
    description:
      'A new email: the old one is told, and payout details wait 72 hours (RECENT_CONTACT_CHANGE).',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;
}
