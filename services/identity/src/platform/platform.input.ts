import { IsBoolean, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { FeatureName } from './platform-features.type.js';

@InputType({ description: 'Switches to change; those left out keep their value.' })
export class PlatformFeaturesInput implements Partial<Record<FeatureName, boolean>> {
  @Field({ nullable: true, description: 'Accounts may close themselves.' })
  @IsOptional()
  @IsBoolean()
  closeAccount?: boolean;
  @Field({ nullable: true, description: 'Accounts may edit their public business details.' })
  @IsOptional()
  @IsBoolean()
  editPublicInfo?: boolean;
  @Field({ nullable: true, description: 'Accounts may refund their payments.' })
  @IsOptional()
  @IsBoolean()
  issueRefunds?: boolean;
  @Field({ nullable: true, description: 'Accounts may change when they are paid out.' })
  @IsOptional()
  @IsBoolean()
  editPayoutSchedule?: boolean;
  @Field({ nullable: true, description: 'Accounts may change where payouts go.' })
  @IsOptional()
  @IsBoolean()
  editBankAccounts?: boolean;
  @Field({ nullable: true, description: 'Accounts may pay out instantly, for a fee.' })
  @IsOptional()
  @IsBoolean()
  instantPayouts?: boolean;
  @Field({ nullable: true, description: 'Accounts may answer and accept their disputes.' })
  @IsOptional()
  @IsBoolean()
  manageDisputes?: boolean;
  @Field({
    nullable: true,
    description: 'Accounts may add money to their reserve from their bank.',
  })
  @IsOptional()
  @IsBoolean()
  reserveTopUps?: boolean;
}
