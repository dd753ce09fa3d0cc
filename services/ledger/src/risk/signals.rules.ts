import type { RiskSignalFacts, RiskSignalKind } from '@dash/events';
import type { RiskSettingsValues } from './risk-settings.rules.js';

const DAY = 24 * 3600 * 1000;

/** The volume signal compares the last week with the 13 weeks before it. */
export const RECENT_DAYS = 7;
export const BASELINE_DAYS = 91;
/** How far back an assessment reads: the longest window settings allow, or the volume's. */
export const lookbackDays = (settings: Pick<RiskSettingsValues, 'windowDays'>) =>
  Math.max(settings.windowDays, RECENT_DAYS + BASELINE_DAYS);

/** The moments an assessment at `now` splits its reading at. */
export function windowsAt(now: Date, settings: Pick<RiskSettingsValues, 'windowDays'>) {
  return {
    from: new Date(now.getTime() - lookbackDays(settings) * DAY),
    windowStart: new Date(now.getTime() - settings.windowDays * DAY),
    recentStart: new Date(now.getTime() - RECENT_DAYS * DAY),
    baselineStart: new Date(now.getTime() - (RECENT_DAYS + BASELINE_DAYS) * DAY),
  };
}

/** Counts and amounts (positive, minor units) of one kind of movement in one currency. */
export interface Tally {
  count: number;
  amount: number;
}

/** What the ledger read of one account's movements, per currency. */
export interface AccountActivity {
  /** Within the window (`windowDays`): charges, refunds, disputes and failed payouts. */
  window: Record<string, { charges: Tally; refunds: Tally; disputes: Tally }>;
  payoutFailures: number;
  /** Charges of the last 7 days, and of the 91 days before them. */
  recentCharges: Record<string, Tally>;
  baselineCharges: Record<string, Tally>;
}

/** A negative available balance: what is owed and since when (null: not known yet). */
export interface OwedBalance {
  currency: string;
  amount: number;
  since: Date | null;
}

/** A signal as computed, before it is compared with what was stored. */
export type SignalReading = Omit<RiskSignalFacts, 'breachedSince'>;

/** Values are kept to six decimals, so a rate that did not change compares equal. */
const rounded = (value: number) => Math.round(value * 1e6) / 1e6;
const ratio = (part: number, whole: number) => (whole > 0 ? rounded(part / whole) : 0);
const sum = (tallies: Tally[], key: keyof Tally) => tallies.reduce((t, x) => t + x[key], 0);

function rateReadings(
  kind: 'dispute_rate' | 'refund_rate',
  activity: AccountActivity,
  settings: RiskSettingsValues,
): SignalReading[] {
  const currencies = Object.values(activity.window);
  const charges = currencies.map((c) => c.charges);
  const taken = currencies.map((c) => (kind === 'dispute_rate' ? c.disputes : c.refunds));
  const threshold =
    kind === 'dispute_rate' ? settings.disputeRateThreshold : settings.refundRateThreshold;
  // Too few charges say nothing: one refund of two payments is no pattern.
  const enough = sum(charges, 'count') >= settings.minimumCharges;
  const count = ratio(sum(taken, 'count'), sum(charges, 'count'));
  // Amounts in different currencies do not add up: the worst currency speaks for the account.
  const amount = Math.max(
    0,
    ...currencies.map((c) =>
      ratio(kind === 'dispute_rate' ? c.disputes.amount : c.refunds.amount, c.charges.amount),
    ),
  );
  return [
    { measure: 'count', value: count },
    { measure: 'amount', value: amount },
  ].map(({ measure, value }) => ({
    kind,
    measure,
    windowDays: settings.windowDays,
    value,
    threshold,
    breached: enough && value >= threshold,
  }));
}

/**
 * Last week's charged amount against the weekly average of the 13 weeks before, per currency,
 * the highest. An account with nothing before is new, not changed: never breached.
 */
function volumeReading(activity: AccountActivity, settings: RiskSettingsValues): SignalReading {
  const weeks = BASELINE_DAYS / RECENT_DAYS;
  const factors = Object.entries(activity.recentCharges).map(([currency, recent]) => {
    const before = activity.baselineCharges[currency]?.amount ?? 0;
    return before > 0 ? rounded(recent.amount / (before / weeks)) : 0;
  });
  const value = Math.max(0, ...factors);
  const enough = sum(Object.values(activity.recentCharges), 'count') >= settings.minimumCharges;
  return {
    kind: 'volume_change',
    measure: 'factor',
    windowDays: RECENT_DAYS,
    value,
    threshold: settings.volumeChangeFactor,
    breached: enough && value >= settings.volumeChangeFactor,
  };
}

/**
 * The largest negative balance (what is owed, 0 if none) and how many whole days the oldest has
 * been negative: breached once that reaches `recoveryDays`, when recovery from the bank starts.
 * Both rows share the breach, so either names it.
 */
function negativeReadings(
  owed: OwedBalance[],
  settings: RiskSettingsValues,
  now: Date,
): SignalReading[] {
  const negative = owed.filter((balance) => balance.amount > 0);
  const amount = Math.max(0, ...negative.map((balance) => balance.amount));
  const oldest = Math.min(
    now.getTime(),
    ...negative.map((balance) => (balance.since ?? now).getTime()),
  );
  const age = negative.length > 0 ? Math.floor((now.getTime() - oldest) / DAY) : 0;
  const breached = negative.length > 0 && age >= settings.recoveryDays;
  const common = { kind: 'negative_balance' as const, windowDays: 0, breached };
  return [
    { ...common, measure: 'amount', value: amount, threshold: 0 },
    { ...common, measure: 'age_days', value: age, threshold: settings.recoveryDays },
  ];
}

/** Every signal of one account, in a fixed order. */
export function readSignals(
  activity: AccountActivity,
  owed: OwedBalance[],
  settings: RiskSettingsValues,
  now: Date,
): SignalReading[] {
  return [
    ...rateReadings('dispute_rate', activity, settings),
    ...rateReadings('refund_rate', activity, settings),
    ...negativeReadings(owed, settings, now),
    volumeReading(activity, settings),
    {
      kind: 'payout_failures',
      measure: 'count',
      windowDays: settings.windowDays,
      value: activity.payoutFailures,
      threshold: settings.payoutFailuresThreshold,
      breached: activity.payoutFailures >= settings.payoutFailuresThreshold,
    },
  ];
}

/** A signal as stored: its reading and since when it has been breached. */
export interface StoredSignal extends Omit<RiskSignalFacts, 'breachedSince'> {
  breachedSince: Date | null;
}

export const signalKey = (signal: { kind: RiskSignalKind; measure: string }) =>
  `${signal.kind}:${signal.measure}`;

/**
 * The readings against what was stored: each with its breach's start (kept while it lasts,
 * `now` when it begins), and whether it changed (its value or breach: a history point).
 */
export function compareSignals(
  readings: SignalReading[],
  stored: StoredSignal[],
  now: Date,
): Array<{ signal: StoredSignal; changed: boolean }> {
  const before = new Map(stored.map((signal) => [signalKey(signal), signal]));
  return readings.map((reading) => {
    const previous = before.get(signalKey(reading));
    const breachedSince = reading.breached ? (previous?.breachedSince ?? now) : null;
    return {
      signal: { ...reading, breachedSince },
      changed:
        !previous ||
        previous.value !== reading.value ||
        previous.breached !== reading.breached ||
        previous.threshold !== reading.threshold,
    };
  });
}

/** Empty activity: what an account with nothing in the window reads as. */
export const NO_ACTIVITY: AccountActivity = {
  window: {},
  payoutFailures: 0,
  recentCharges: {},
  baselineCharges: {},
};
