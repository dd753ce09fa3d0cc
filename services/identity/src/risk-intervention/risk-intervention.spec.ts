import { describe, expect, it } from 'vitest';
import type { WantedIntervention } from '@dash/events';
import {
  automaticPlacement,
  interventionHolds,
  placementOf,
  reconcile,
  resolutionOf,
  summaryOf,
  type InterventionEffect,
} from './risk-intervention.rules.js';

const effect = (kind: InterventionEffect['kind'], more: Partial<InterventionEffect> = {}) => ({
  id: `intv_${kind}`,
  kind,
  requirement: null,
  document: null,
  reservePercent: null,
  reserveDays: null,
  ...more,
});

const BREACH = '2026-01-01T00:00:00.000Z';
const want = (
  kind: WantedIntervention['kind'],
  signal: WantedIntervention['signal'],
  more: Partial<WantedIntervention> = {},
): WantedIntervention => ({ kind, signal, breachedSince: BREACH, ...more });

describe('what interventions in force do', () => {
  it('sums up payouts, charges and the largest reserve as events carry them', () => {
    expect(summaryOf([])).toEqual({
      payoutsPaused: false,
      chargesDisabled: false,
      rollingReserve: null,
    });
    expect(summaryOf([effect('rolling_reserve', { reservePercent: 10, reserveDays: 30 })])).toEqual(
      {
        payoutsPaused: false,
        chargesDisabled: false,
        rollingReserve: { percent: 10, days: 30 },
      },
    );
    for (const kind of ['pause_payouts', 'require_document', 'require_information'] as const)
      expect(summaryOf([effect(kind)])).toMatchObject({
        payoutsPaused: true,
        chargesDisabled: false,
      });
    expect(summaryOf([effect('disable_charges')])).toMatchObject({
      payoutsPaused: true,
      chargesDisabled: true,
    });
  });

  it('asks for information as a requirement, and puts the account under review for a pause', () => {
    expect(
      interventionHolds([
        effect('require_information', { requirement: 'risk_intervention.intv_1' }),
        effect('rolling_reserve'),
      ]),
    ).toEqual({
      currentlyDue: ['risk_intervention.intv_1'],
      underReview: false,
      chargesDisabled: false,
    });
    expect(interventionHolds([effect('pause_payouts')])).toMatchObject({ underReview: true });
    expect(interventionHolds([effect('disable_charges')])).toMatchObject({
      underReview: true,
      chargesDisabled: true,
    });
  });
});

describe('a platform’s placement', () => {
  const base = { account: 'acct_1', reason: 'We are reviewing your account.' };

  it('takes a reserve’s terms for a rolling reserve only, within their ranges', () => {
    expect(
      placementOf({ ...base, kind: 'rolling_reserve', reservePercent: 10, reserveDays: 30 }),
    ).toMatchObject({
      resolution: 'none',
      reservePercent: 10,
      reserveDays: 30,
      source: 'platform',
    });
    for (const [reservePercent, reserveDays, field] of [
      [0, 30, 'reservePercent'],
      [51, 30, 'reservePercent'],
      [10, 0, 'reserveDays'],
      [10, 121, 'reserveDays'],
      [null, 30, 'reservePercent'],
    ] as const)
      expect(() =>
        placementOf({ ...base, kind: 'rolling_reserve', reservePercent, reserveDays }),
      ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field }) }));
    expect(() => placementOf({ ...base, kind: 'pause_payouts', reservePercent: 10 })).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ reason: 'RESERVE_NOT_FOR_KIND' }),
      }),
    );
  });

  it('gives each kind its resolution, and require_information a question to answer', () => {
    expect(placementOf({ ...base, kind: 'require_document' }).resolution).toBe('upload_document');
    expect(placementOf({ ...base, kind: 'require_information' }).resolution).toBe('confirm');
    expect(
      placementOf({
        ...base,
        kind: 'require_information',
        resolution: 'answer',
        question: ' Why? ',
      }),
    ).toMatchObject({ resolution: 'answer', question: 'Why?' });
    const reasons = (request: Parameters<typeof placementOf>[0]) => {
      try {
        placementOf(request);
        return null;
      } catch (error) {
        return (error as { extensions: { reason: string } }).extensions.reason;
      }
    };
    expect(reasons({ ...base, kind: 'require_information', resolution: 'answer' })).toBe(
      'QUESTION_REQUIRED',
    );
    expect(reasons({ ...base, kind: 'require_document', resolution: 'confirm' })).toBe(
      'RESOLUTION_NOT_FOR_KIND',
    );
    expect(reasons({ ...base, kind: 'pause_payouts', question: 'Why?' })).toBe(
      'QUESTION_NOT_FOR_KIND',
    );
    expect(reasons({ ...base, kind: 'pause_payouts', reason: '   ' })).toBe('REASON_LENGTH');
    expect(reasons({ ...base, kind: 'pause_payouts', reason: 'x'.repeat(501) })).toBe(
      'REASON_LENGTH',
    );
  });
});

describe('the account’s resolution', () => {
  const reasonOf = (fn: () => unknown) => {
    try {
      fn();
      return null;
    } catch (error) {
      return (error as { extensions: { reason: string } }).extensions.reason;
    }
  };
  const confirm = { kind: 'require_information', resolution: 'confirm' } as const;
  const answer = { kind: 'require_information', resolution: 'answer' } as const;

  it('resolves require_information only, each by its own means', () => {
    expect(resolutionOf(confirm, { confirm: true })).toEqual({ answer: null });
    expect(resolutionOf(answer, { answer: '  We sold tickets for a festival.  ' })).toEqual({
      answer: 'We sold tickets for a festival.',
    });
    expect(reasonOf(() => resolutionOf(confirm, { confirm: false }))).toBe('WRONG_RESOLUTION');
    expect(reasonOf(() => resolutionOf(confirm, { answer: 'A long enough answer' }))).toBe(
      'WRONG_RESOLUTION',
    );
    expect(reasonOf(() => resolutionOf(answer, { confirm: true }))).toBe('WRONG_RESOLUTION');
    expect(
      reasonOf(() =>
        resolutionOf(
          { kind: 'require_document', resolution: 'upload_document' },
          { confirm: true },
        ),
      ),
    ).toBe('WRONG_RESOLUTION');
    expect(
      reasonOf(() =>
        resolutionOf({ kind: 'pause_payouts', resolution: 'none' }, { confirm: true }),
      ),
    ).toBe('WRONG_RESOLUTION');
  });

  it('takes answers of 10 to 2000 characters', () => {
    expect(reasonOf(() => resolutionOf(answer, { answer: 'too short' }))).toBe('ANSWER_LENGTH');
    expect(reasonOf(() => resolutionOf(answer, { answer: `${' '.repeat(20)}short` }))).toBe(
      'ANSWER_LENGTH',
    );
    expect(reasonOf(() => resolutionOf(answer, { answer: 'x'.repeat(2001) }))).toBe(
      'ANSWER_LENGTH',
    );
    expect(reasonOf(() => resolutionOf(answer, { answer: 'x'.repeat(2000) }))).toBeNull();
  });
});

describe('reconciling an assessment with what is in force', () => {
  const automatic = (kind: WantedIntervention['kind']) => ({
    id: `intv_${kind}`,
    kind,
    source: 'automatic' as const,
  });

  it('places what is wanted and not in force, one per kind, the larger reserve', () => {
    const { place, lift } = reconcile(
      [
        want('rolling_reserve', 'refund_rate', { reservePercent: 5, reserveDays: 30 }),
        want('rolling_reserve', 'dispute_rate', { reservePercent: 10, reserveDays: 30 }),
        want('disable_charges', 'dispute_rate'),
        want('require_document', 'volume_change'),
      ],
      [automatic('require_document')],
      [],
    );
    expect(place.map((wanted) => [wanted.kind, wanted.signal])).toEqual([
      ['rolling_reserve', 'dispute_rate'],
      ['disable_charges', 'dispute_rate'],
    ]);
    expect(lift).toEqual([]);
  });

  it('lifts automatic reserves, pauses and charge stops no longer wanted, never require_* nor the platform’s', () => {
    const { place, lift } = reconcile(
      [],
      [
        automatic('rolling_reserve'),
        automatic('disable_charges'),
        automatic('pause_payouts'),
        automatic('require_document'),
        automatic('require_information'),
        { id: 'intv_mine', kind: 'pause_payouts', source: 'platform' },
      ],
      [],
    );
    expect(place).toEqual([]);
    expect(lift).toEqual(['intv_rolling_reserve', 'intv_disable_charges', 'intv_pause_payouts']);
  });

  it('does not place again what was resolved for the same breach, but does for a new one', () => {
    const settled = [
      {
        kind: 'require_document' as const,
        signal: 'volume_change' as const,
        breachedSince: new Date(BREACH),
      },
    ];
    expect(reconcile([want('require_document', 'volume_change')], [], settled).place).toEqual([]);
    expect(
      reconcile(
        [want('require_document', 'volume_change', { breachedSince: '2026-02-01T00:00:00.000Z' })],
        [],
        settled,
      ).place,
    ).toHaveLength(1);
  });

  it('turns a wanted intervention into an explained automatic placement', () => {
    expect(
      automaticPlacement(
        want('rolling_reserve', 'dispute_rate', { reservePercent: 10, reserveDays: 30 }),
      ),
    ).toMatchObject({
      source: 'automatic',
      signal: 'dispute_rate',
      breachedSince: new Date(BREACH),
      resolution: 'none',
      reservePercent: 10,
      reserveDays: 30,
      reason: expect.stringMatching(/10% of each new payment is held for 30 days/),
    });
    expect(automaticPlacement(want('require_information', 'payout_failures'))).toMatchObject({
      resolution: 'confirm',
      question: expect.stringMatching(/bank account details/),
      reservePercent: null,
    });
  });
});
