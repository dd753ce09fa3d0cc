import { Field, ObjectType } from 'type-graphql';
import { PLATFORM_FEATURE_DEFAULTS, type PlatformFeatureName } from '@dash/contracts';

export type FeatureName = PlatformFeatureName;
export type StoredFeatures = Partial<Record<FeatureName, boolean>>;

@ObjectType({ description: 'Dashboard features the platform allows its accounts.' })
export class PlatformFeatures implements Record<FeatureName, boolean> {
  @Field({ description: 'Accounts may close themselves from their settings.' })
  closeAccount!: boolean;

  @Field({ description: 'Accounts may edit their public information (name, support contact).' })
  editPublicInfo!: boolean;

  @Field({ description: 'Accounts may refund their payments from the dashboard.' })
  issueRefunds!: boolean;

  @Field({ description: 'Accounts may change their payout schedule (automatic or manual).' })
  editPayoutSchedule!: boolean;

  @Field({ description: 'Accounts may change the bank account or debit card they are paid to.' })
  editBankAccounts!: boolean;

  @Field({ description: 'Accounts may take instant payouts to a debit card, for a fee.' })
  instantPayouts!: boolean;

  @Field({ description: 'Accounts may respond to disputes (evidence, or accepting them).' })
  manageDisputes!: boolean;

  @Field({ description: 'Accounts may add money to their refunds-and-disputes reserve.' })
  reserveTopUps!: boolean;

  static from(stored: StoredFeatures | null): PlatformFeatures {
    return Object.assign(new PlatformFeatures(), PLATFORM_FEATURE_DEFAULTS, stored ?? {});
  }
}
