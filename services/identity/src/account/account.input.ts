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

@InputType()
export class AddressInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) line1?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) line2?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) city?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) state?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 20) postalCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be a two-letter country code such as US' })
  country?: string;
}

@InputType()
export class BusinessProfileInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 120) name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(
    { require_protocol: true },
    { message: 'url must be a full URL such as https://example.com' },
  )
  url?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'supportEmail must be an email address' })
  supportEmail?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(E164, { message: 'supportPhone must be in international format such as +15555550142' })
  supportPhone?: string;

  @Field(() => AddressInput, { nullable: true })
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
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  displayName?: string;

  @Field(() => BusinessProfileInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  businessProfile?: BusinessProfileInput;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DESCRIPTOR, {
    message: 'statementDescriptor must be 5–22 characters with a letter and none of < > \\ \' " *',
  })
  statementDescriptor?: string;
}

/** Fields a platform may set on an account, when creating or updating it. */
@InputType()
class AccountFields extends PublicInfoInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(E164, { message: 'phone must be in international format such as +15555550142' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(CURRENCY, {
    message: 'defaultCurrency must be a three-letter currency code such as usd',
  })
  defaultCurrency?: string;

  @Field(() => BusinessType, { nullable: true })
  @IsOptional()
  @IsEnum(BusinessType)
  businessType?: BusinessType;
}

@InputType({ description: 'A new Express account. Its mode (test or live) is the calling key’s.' })
export class CreateAccountInput extends AccountFields {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @Field()
  @IsISO31661Alpha2({ message: 'country must be a two-letter country code such as US' })
  country!: string;
}

@InputType({ description: 'Changes to an account; fields left out stay as they are.' })
export class UpdateAccountInput extends AccountFields {
  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;
}
