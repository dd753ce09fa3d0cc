import { IsIn, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Email choices; those left out stay as they are.' })
export class NotificationPreferencesInput {
  @Field({ nullable: true }) @IsOptional() emailPayoutFailed?: boolean;
  @Field({ nullable: true }) @IsOptional() emailDisputeOpened?: boolean;
  @Field({ nullable: true }) @IsOptional() emailRequirementsDue?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsIn(['en', 'zh-CN']) locale?: string;
}
