import { describe, expect, it } from 'vitest';
import type { RiskSignalKind } from '@dash/events';
import { assessmentState, UNASSESSED_STATE, wantedInterventions } from './policy.rules.js';
import { DEFAULT_RISK_SETTINGS as settings } from './risk-settings.rules.js';
import type { StoredSignal } from './signals.rules.js';

const since = new Date('2026-06-01T00:00:00Z');
const later = new Date('2026-06-02T00:00:00Z');

const signal = (
  kind: RiskSignalKind,
  measure: string,
  value: number,
  threshold: number,
  breachedSince: Date | null = since,
): StoredSignal => ({
  kind,
  measure,
  windowDays: 30,
  value,
  threshold,
  breached: breachedSince !== null,
  breachedSince,
});

describe('wantedInterventions', () => {
  it('wants nothing when nothing is breached, or when automatic interventions are off', () => {
    expect(wantedInterventions([signal('dispute_rate', 'count', 0, 0.01, null)], settings)).toEqual(
      [],
    );
    expect(
      wantedInterventions([signal('dispute_rate', 'count', 0.5, 0.01)], {
        ...settings,
        automaticInterventions: false,
      }),
    ).toEqual([]);
  });

  it('a breached rate wants a rolling reserve with the settings’ percent and days', () => {
    expect(
      wantedInterventions([signal('refund_rate', 'amount', 0.1, 0.1)], {
        ...settings,
        reservePercent: 20,
        reserveDays: 60,
      }),
    ).toEqual([
      {
        kind: 'rolling_reserve',
        signal: 'refund_rate',
        breachedSince: since.toISOString(),
        reservePercent: 20,
        reserveDays: 60,
      },
    ]);
  });

  it('one rolling reserve however many rates are breached; the dispute rate speaks first', () => {
    const wanted = wantedInterventions(
      [
        signal('refund_rate', 'count', 0.2, 0.1, since),
        signal('dispute_rate', 'count', 0.015, 0.01, later),
        signal('dispute_rate', 'amount', 0.012, 0.01, later),
      ],
      settings,
    );
    expect(wanted).toEqual([
      expect.objectContaining({
        kind: 'rolling_reserve',
        signal: 'dispute_rate',
        breachedSince: later.toISOString(),
      }),
    ]);
  });

  it('disables charges at severeFactor × the dispute threshold, either measure', () => {
    const kinds = (value: number) =>
      wantedInterventions(
        [
          signal('dispute_rate', 'count', 0.011, 0.01),
          signal('dispute_rate', 'amount', value, 0.01),
        ],
        settings,
      ).map((wanted) => wanted.kind);
    expect(kinds(0.0199)).toEqual(['rolling_reserve']);
    expect(kinds(0.02)).toEqual(['rolling_reserve', 'disable_charges']);
  });

  it('volume wants a document, payout failures wants information, a negative balance nothing', () => {
    expect(
      wantedInterventions(
        [
          signal('volume_change', 'factor', 6, 5),
          signal('payout_failures', 'count', 2, 2),
          signal('negative_balance', 'amount', 500, 0),
          signal('negative_balance', 'age_days', 9, 7),
        ],
        settings,
      ).map((wanted) => [wanted.kind, wanted.signal]),
    ).toEqual([
      ['require_document', 'volume_change'],
      ['require_information', 'payout_failures'],
    ]);
  });
});

describe('assessmentState', () => {
  it('is the unassessed state when nothing is breached, whatever the values', () => {
    expect(assessmentState([signal('dispute_rate', 'count', 0.004, 0.01, null)], [])).toBe(
      UNASSESSED_STATE,
    );
  });

  it('changes with the breach, not with a value moving within it', () => {
    const a = [signal('refund_rate', 'count', 0.2, 0.1)];
    const b = [signal('refund_rate', 'count', 0.3, 0.1)];
    expect(assessmentState(a, wantedInterventions(a, settings))).toBe(
      assessmentState(b, wantedInterventions(b, settings)),
    );
    expect(assessmentState(a, [])).not.toBe(assessmentState(a, wantedInterventions(a, settings)));
  });
});
