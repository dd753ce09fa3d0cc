import { IsIn, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Email choices; those left out stay as they are.' })
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

  @Field({ nullable: true, description: 'The language of messages and codes: en or zh-CN.' })
  @IsOptional()
  @IsIn(['en', 'zh-CN'])
  locale?: string;
}
