/**
 * The dashboard features a platform can switch for its accounts, with what each is when the
 * platform has not said. Identity keeps the switches; every service that enforces one reads the
 * same defaults from here.
 */
export const PLATFORM_FEATURE_DEFAULTS = {
  // Closing is final and leaves the platform without the account: off until the platform opts in.
  closeAccount: false,
  editPublicInfo: true,
  issueRefunds: true,
  editPayoutSchedule: true,
  editBankAccounts: true,
  instantPayouts: true,
  manageDisputes: true,
  // Adding money to the reserve is a bank debit the platform has to offer: off until it does.
  reserveTopUps: false,
} as const;

export type PlatformFeatureName = keyof typeof PLATFORM_FEATURE_DEFAULTS;

/** Whether a platform's stored switches (possibly missing, or older than a feature) allow it. */
export const featureAllowed = (
  features: Partial<Record<string, boolean>> | null | undefined,
  feature: PlatformFeatureName,
): boolean => features?.[feature] ?? PLATFORM_FEATURE_DEFAULTS[feature];
