/** A platform's risk settings in one mode: what the ledger watches for, and what it asks for. */
export interface RiskSettingsValues {
  windowDays: number;
  minimumCharges: number;
  disputeRateThreshold: number;
  refundRateThreshold: number;
  volumeChangeFactor: number;
  payoutFailuresThreshold: number;
  recoveryDays: number;
  reservePercent: number;
  reserveDays: number;
  severeFactor: number;
  automaticInterventions: boolean;
}

/** What a platform that never set its risk settings gets. */
export const DEFAULT_RISK_SETTINGS: RiskSettingsValues = {
  windowDays: 30,
  minimumCharges: 10,
  disputeRateThreshold: 0.01,
  refundRateThreshold: 0.1,
  volumeChangeFactor: 5,
  payoutFailuresThreshold: 2,
  recoveryDays: 7,
  reservePercent: 10,
  reserveDays: 30,
  severeFactor: 2,
  automaticInterventions: true,
};

type NumericSetting = Exclude<keyof RiskSettingsValues, 'automaticInterventions'>;

/**
 * The range each number may take. The window stays within the 98 days the assessment reads (the
 * volume signal's 7 + 91); a reserve stays within what a platform may ask of an account.
 */
export const RISK_SETTING_RANGES: Record<
  NumericSetting,
  { min: number; max: number; integer: boolean }
> = {
  windowDays: { min: 7, max: 90, integer: true },
  minimumCharges: { min: 1, max: 100_000, integer: true },
  disputeRateThreshold: { min: 0.0001, max: 1, integer: false },
  refundRateThreshold: { min: 0.0001, max: 1, integer: false },
  volumeChangeFactor: { min: 1.5, max: 1_000, integer: false },
  payoutFailuresThreshold: { min: 1, max: 100, integer: true },
  recoveryDays: { min: 1, max: 90, integer: true },
  reservePercent: { min: 1, max: 50, integer: true },
  reserveDays: { min: 1, max: 120, integer: true },
  severeFactor: { min: 1, max: 100, integer: false },
};

export type RiskSettingsChange = Partial<{
  [Key in keyof RiskSettingsValues]: RiskSettingsValues[Key] | null;
}>;

export type SettingsCheck =
  { ok: true; value: RiskSettingsValues } | { ok: false; field: NumericSetting; message: string };

/**
 * The settings after a change: what was given replaces what was there (null or left out keeps
 * it); a number out of its range, or a fraction where a whole number is due, is refused naming
 * its field.
 */
export function applySettingsChange(
  current: RiskSettingsValues,
  change: RiskSettingsChange,
): SettingsCheck {
  const next: RiskSettingsValues = { ...current };
  for (const [field, range] of Object.entries(RISK_SETTING_RANGES) as Array<
    [NumericSetting, (typeof RISK_SETTING_RANGES)[NumericSetting]]
  >) {
    const value = change[field];
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value) || value < range.min || value > range.max)
      return {
        ok: false,
        field,
        message: `${field} must be between ${range.min} and ${range.max}.`,
      };
    if (range.integer && !Number.isInteger(value))
      return { ok: false, field, message: `${field} must be a whole number.` };
    next[field] = value;
  }
  if (change.automaticInterventions !== undefined && change.automaticInterventions !== null)
    next.automaticInterventions = change.automaticInterventions;
  return { ok: true, value: next };
}
