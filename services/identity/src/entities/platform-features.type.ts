import { Field, ObjectType } from 'type-graphql';

/** The dashboard features a platform can switch, with what they are when it has not said. */
const DEFAULT_FEATURES = {
  // Closing is final and leaves the platform without the account: off until the platform opts in.
  closeAccount: false,
  editPublicInfo: true,
  issueRefunds: true,
};

export type FeatureName = keyof typeof DEFAULT_FEATURES;
export type StoredFeatures = Partial<Record<FeatureName, boolean>>;

@ObjectType({ description: 'Dashboard features the platform allows its accounts.' })
export class PlatformFeatures implements Record<FeatureName, boolean> {
  @Field({ description: 'Accounts may close themselves from their settings.' })
  closeAccount!: boolean;

  @Field({ description: 'Accounts may edit their public information (name, support contact).' })
  editPublicInfo!: boolean;

  @Field({ description: 'Accounts may refund their payments from the dashboard.' })
  issueRefunds!: boolean;

  static from(stored: StoredFeatures | null): PlatformFeatures {
    return Object.assign(new PlatformFeatures(), DEFAULT_FEATURES, stored ?? {});
  }
}
