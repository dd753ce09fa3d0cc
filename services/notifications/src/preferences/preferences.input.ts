import { IsIn, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LOCALES, type Locale } from '../activity/formats.rules.js';

@InputType({
  description: 'Email and language choices; those left out (or null) stay as they are.',
})
export class NotificationPreferencesInput {
  @Field({ nullable: true, description: 'Email the account when a payout fails.' })
  @IsOptional()
  emailPayoutFailed?: boolean;

  @Field({ nullable: true, description: 'Email the account when a dispute is opened.' })
  @IsOptional()
  emailDisputeOpened?: boolean;

  @Field({ nullable: true, description: 'Email the account when information is newly due.' })
  @IsOptional()
  emailRequirementsDue?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The language of the dashboard, on every device, and of emails, text messages and codes: en, zh-CN, ja, de, fr or es. Null forgets the choice: the dashboard follows the browser again, and messages are in English.',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}
