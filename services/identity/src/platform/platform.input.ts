import { IsBoolean, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { FeatureName } from './platform-features.type.js';

@InputType({ description: 'Switches to change; those left out keep their value.' })
export class PlatformFeaturesInput implements Partial<Record<FeatureName, boolean>> {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() closeAccount?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() editPublicInfo?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() issueRefunds?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() editPayoutSchedule?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() editBankAccounts?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() instantPayouts?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() manageDisputes?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() reserveTopUps?: boolean;
}
