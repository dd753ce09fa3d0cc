import type { RiskSignalFacts, RiskSignalKind, WantedIntervention } from '@dash/events';
import type { RiskSettingsValues } from './risk-settings.rules.js';
import type { StoredSignal } from './signals.rules.js';

/** The earliest start among the breached measures of one kind, or null when none is breached. */
function breachOf(signals: StoredSignal[], kind: RiskSignalKind): Date | null {
  const starts = signals
    .filter((signal) => signal.kind === kind && signal.breached && signal.breachedSince)
    .map((signal) => signal.breachedSince!.getTime());
  return starts.length > 0 ? new Date(Math.min(...starts)) : null;
}

/**
 * The interventions the platform's settings want for these signals (none with automatic
 * interventions off), one per kind:
 * - volume_change → require_document (the account proves who it is);
 * - dispute_rate or refund_rate → rolling_reserve (dispute_rate speaks first);
 * - dispute_rate at `severeFactor` × its threshold or more → disable_charges too;
 * - payout_failures → require_information (the account confirms its bank details).
 * A negative balance asks for nothing here: recovering it is another chore's.
 */
export function wantedInterventions(
  signals: StoredSignal[],
  settings: RiskSettingsValues,
): WantedIntervention[] {
  if (!settings.automaticInterventions) return [];
  const wanted: WantedIntervention[] = [];
  const want = (kind: WantedIntervention['kind'], signal: RiskSignalKind, since: Date) =>
    wanted.push({ kind, signal, breachedSince: since.toISOString() });
  const volume = breachOf(signals, 'volume_change');
  if (volume) want('require_document', 'volume_change', volume);
  const disputes = breachOf(signals, 'dispute_rate');
  const refunds = breachOf(signals, 'refund_rate');
  const rate = disputes ? ('dispute_rate' as const) : refunds ? ('refund_rate' as const) : null;
  if (rate)
    wanted.push({
      kind: 'rolling_reserve',
      signal: rate,
      breachedSince: (disputes ?? refunds)!.toISOString(),
      reservePercent: settings.reservePercent,
      reserveDays: settings.reserveDays,
    });
  const severe = signals.some(
    (signal) =>
      signal.kind === 'dispute_rate' &&
      signal.breached &&
      signal.value >= settings.severeFactor * signal.threshold,
  );
  if (disputes && severe) want('disable_charges', 'dispute_rate', disputes);
  const failures = breachOf(signals, 'payout_failures');
  if (failures) want('require_information', 'payout_failures', failures);
  return wanted;
}

/** Signals as `risk.assessed` carries them. */
export const signalFacts = (signals: StoredSignal[]): RiskSignalFacts[] =>
  signals.map((signal) => ({
    kind: signal.kind,
    measure: signal.measure,
    windowDays: signal.windowDays,
    value: signal.value,
    threshold: signal.threshold,
    breached: signal.breached,
    breachedSince: signal.breachedSince ? signal.breachedSince.toISOString() : null,
  }));

/**
 * What an assessment is compared by: which signals are breached and what is wanted. Values
 * moving within a breach (a rate creeping up) change neither, so they record no event.
 */
export function assessmentState(signals: StoredSignal[], wanted: WantedIntervention[]): string {
  const breached = signals
    .filter((signal) => signal.breached)
    .map((signal) => `${signal.kind}:${signal.measure}`)
    .sort();
  const kinds = wanted.map((intervention) => JSON.stringify(intervention)).sort();
  return JSON.stringify({ breached, wanted: kinds });
}

/** The state an account that was never assessed is taken to have had: nothing breached. */
export const UNASSESSED_STATE = assessmentState([], []);
