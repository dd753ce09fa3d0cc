import { DashError } from '@dash/errors';
import type {
  InterventionKind,
  InterventionsSummary,
  RiskSignalKind,
  WantedIntervention,
} from '@dash/events';
import type { VerificationStatus } from '../onboarding/verification.rules.js';

/**
 * Risk interventions: what the provider (on a signal, by the platform's risk settings) or the
 * platform itself asks of an account it judges risky, and what that means for the account's
 * requirements and capabilities while in force. Pure: the service stores and announces.
 */

export type InterventionResolution = 'upload_document' | 'confirm' | 'answer' | 'none';
export type InterventionSource = 'automatic' | 'platform';
export type InterventionLiftedBy = 'automatic' | 'platform' | 'account';

export const INTERVENTION_KINDS: readonly InterventionKind[] = [
  'pause_payouts',
  'rolling_reserve',
  'require_document',
  'require_information',
  'disable_charges',
];

/**
 * One intervention in force as the account row keeps it: enough for the requirements to be
 * worked out from the row alone, as every other requirement is.
 */
export interface InterventionEffect {
  id: string;
  kind: InterventionKind;
  /** The requirement it makes due (`require_document`, `require_information`), or null. */
  requirement: string | null;
  /** `require_document`: what became of the document sent since it was placed (null: none yet). */
  document: VerificationStatus | null;
  reservePercent: number | null;
  reserveDays: number | null;
}

/** Everything but a rolling reserve stops payouts: the account cannot be paid while it is asked for something. */
export const pausesPayouts = (kind: InterventionKind) => kind !== 'rolling_reserve';
export const disablesCharges = (kind: InterventionKind) => kind === 'disable_charges';
/** The kinds that stop the account by a review rather than by something it can provide. */
const UNDER_REVIEW: ReadonlySet<InterventionKind> = new Set(['pause_payouts', 'disable_charges']);

/** The requirement a `require_information` intervention makes due until the account answers. */
export const informationRequirement = (interventionId: string) =>
  `risk_intervention.${interventionId}`;

/** What the interventions in force do to the requirements, beside what the answers do. */
export function interventionHolds(effects: readonly InterventionEffect[]) {
  return {
    /** Requirements they make currently due (documents are asked as document requirements). */
    currentlyDue: effects
      .filter((effect) => effect.kind === 'require_information' && effect.requirement)
      .map((effect) => effect.requirement!),
    underReview: effects.some((effect) => UNDER_REVIEW.has(effect.kind)),
    chargesDisabled: effects.some((effect) => disablesCharges(effect.kind)),
  };
}

/** The interventions in force as events carry them: what the ledger and payouts enforce. */
export function summaryOf(effects: readonly InterventionEffect[]): InterventionsSummary {
  const reserves = effects.filter((effect) => effect.kind === 'rolling_reserve');
  return {
    payoutsPaused: effects.some((effect) => pausesPayouts(effect.kind)),
    chargesDisabled: effects.some((effect) => disablesCharges(effect.kind)),
    rollingReserve:
      reserves.length === 0
        ? null
        : {
            percent: Math.max(...reserves.map((effect) => effect.reservePercent ?? 0)),
            days: Math.max(...reserves.map((effect) => effect.reserveDays ?? 0)),
          },
  };
}

/** How the account resolves each kind; `require_information` lets the platform choose. */
const RESOLUTIONS: Record<InterventionKind, readonly InterventionResolution[]> = {
  pause_payouts: ['none'],
  rolling_reserve: ['none'],
  disable_charges: ['none'],
  require_document: ['upload_document'],
  require_information: ['confirm', 'answer'],
};

export const RESERVE_PERCENT = { min: 1, max: 50 };
export const RESERVE_DAYS = { min: 1, max: 120 };
export const REASON_MAX = 500;
export const QUESTION_MAX = 500;
export const ANSWER_LENGTH = { min: 10, max: 2000 };

/** What a platform asks for, as it sent it. */
export interface PlacementRequest {
  account: string;
  kind: InterventionKind;
  reason: string;
  reservePercent?: number | null | undefined;
  reserveDays?: number | null | undefined;
  question?: string | null | undefined;
  resolution?: InterventionResolution | null | undefined;
}

/** An intervention to place, checked and complete. */
export interface Placement {
  kind: InterventionKind;
  source: InterventionSource;
  signal: RiskSignalKind | null;
  breachedSince: Date | null;
  reason: string;
  resolution: InterventionResolution;
  question: string | null;
  reservePercent: number | null;
  reserveDays: number | null;
}

const refused = (reason: string, field: string, message: string) =>
  new DashError('BAD_USER_INPUT', message, { field, reason });

const inRange = (value: number, range: { min: number; max: number }) =>
  Number.isInteger(value) && value >= range.min && value <= range.max;

/**
 * A platform's request as a placement: a reason the account can read, a reserve's terms for a
 * rolling reserve only, and a resolution the kind can be resolved by (a question when the
 * account is to answer one).
 */
export function placementOf(request: PlacementRequest): Placement {
  const { kind } = request;
  const reason = request.reason.trim();
  if (reason.length === 0 || reason.length > REASON_MAX)
    throw refused(
      'REASON_LENGTH',
      'reason',
      `Give the account a reason of 1 to ${REASON_MAX} characters.`,
    );
  const reserve = kind === 'rolling_reserve';
  const percent = request.reservePercent ?? null;
  const days = request.reserveDays ?? null;
  if (!reserve && (percent !== null || days !== null))
    throw refused(
      'RESERVE_NOT_FOR_KIND',
      percent !== null ? 'reservePercent' : 'reserveDays',
      'Only a rolling reserve takes reservePercent and reserveDays.',
    );
  if (reserve && (percent === null || !inRange(percent, RESERVE_PERCENT)))
    throw refused(
      'RESERVE_PERCENT_RANGE',
      'reservePercent',
      `A rolling reserve holds ${RESERVE_PERCENT.min} to ${RESERVE_PERCENT.max} percent.`,
    );
  if (reserve && (days === null || !inRange(days, RESERVE_DAYS)))
    throw refused(
      'RESERVE_DAYS_RANGE',
      'reserveDays',
      `A rolling reserve holds for ${RESERVE_DAYS.min} to ${RESERVE_DAYS.max} days.`,
    );
  const allowed = RESOLUTIONS[kind];
  const resolution = request.resolution ?? allowed[0]!;
  if (!allowed.includes(resolution))
    throw refused(
      'RESOLUTION_NOT_FOR_KIND',
      'resolution',
      `${kind} is resolved by ${allowed.join(' or ')}.`,
    );
  const question = request.question?.trim() || null;
  if (question !== null && kind !== 'require_information')
    throw refused(
      'QUESTION_NOT_FOR_KIND',
      'question',
      'Only require_information asks the account a question.',
    );
  if (question === null && resolution === 'answer')
    throw refused('QUESTION_REQUIRED', 'question', 'Ask the question the account is to answer.');
  if (question !== null && question.length > QUESTION_MAX)
    throw refused(
      'QUESTION_LENGTH',
      'question',
      `The question can be at most ${QUESTION_MAX} characters.`,
    );
  return {
    kind,
    source: 'platform',
    signal: null,
    breachedSince: null,
    reason,
    resolution,
    question,
    reservePercent: percent,
    reserveDays: days,
  };
}

/** What the account sent to resolve an intervention asking for information. */
export interface ResolutionRequest {
  confirm?: boolean | null | undefined;
  answer?: string | null | undefined;
}

/**
 * The account's answer, checked against how the intervention is resolved: only
 * `require_information` is resolved this way (a document one by its document), a `confirm` one
 * by `confirm: true` alone, an `answer` one by an answer of 10 to 2000 characters alone.
 */
export function resolutionOf(
  intervention: { kind: InterventionKind; resolution: InterventionResolution },
  request: ResolutionRequest,
): { answer: string | null } {
  const wrong = (message: string) =>
    new DashError('FAILED_PRECONDITION', message, { reason: 'WRONG_RESOLUTION' });
  if (intervention.kind !== 'require_information')
    throw wrong(
      intervention.resolution === 'upload_document'
        ? 'This is resolved by uploading a document that is then verified.'
        : 'This cannot be resolved from the dashboard; your platform lifts it.',
    );
  const answer = request.answer ?? null;
  if (intervention.resolution === 'confirm') {
    if (request.confirm !== true || answer !== null)
      throw wrong('Confirm this (confirm: true); it takes no answer.');
    return { answer: null };
  }
  if (answer === null || request.confirm != null)
    throw wrong('Answer the question (answer); it is not resolved by confirming.');
  const trimmed = answer.trim();
  if (trimmed.length < ANSWER_LENGTH.min || trimmed.length > ANSWER_LENGTH.max)
    throw refused(
      'ANSWER_LENGTH',
      'answer',
      `Answer in ${ANSWER_LENGTH.min} to ${ANSWER_LENGTH.max} characters.`,
    );
  return { answer: trimmed };
}

/** Why an automatic intervention was placed, as the platform reads it (the dashboard translates by kind and signal). */
export function automaticReason(wanted: WantedIntervention): string {
  switch (wanted.kind) {
    case 'require_document':
      return 'Your payment volume rose far above its usual level. Upload an identity document to confirm who you are; payouts resume once it is verified.';
    case 'rolling_reserve':
      return `${wanted.signal === 'refund_rate' ? 'Many recent payments were refunded' : 'Many recent payments were disputed'}. ${wanted.reservePercent ?? 0}% of each new payment is held for ${wanted.reserveDays ?? 0} days.`;
    case 'disable_charges':
      return 'Disputes on recent payments are far above the limit. New payments are turned off while your account is reviewed.';
    case 'require_information':
      return 'Several payouts to your bank account failed. Confirm that your bank details are correct to resume payouts.';
    case 'pause_payouts':
      return 'Payouts are paused while your account is reviewed.';
  }
}

/** What an automatic `require_information` asks the account to confirm. */
const AUTOMATIC_QUESTION: Partial<Record<RiskSignalKind, string>> = {
  payout_failures: 'Are your bank account details correct, and can the account receive payouts?',
};

/** The placement an assessment asks for. */
export function automaticPlacement(wanted: WantedIntervention): Placement {
  const reserve = wanted.kind === 'rolling_reserve';
  return {
    kind: wanted.kind,
    source: 'automatic',
    signal: wanted.signal,
    breachedSince: new Date(wanted.breachedSince),
    reason: automaticReason(wanted),
    resolution: RESOLUTIONS[wanted.kind][0]!,
    question:
      wanted.kind === 'require_information' ? (AUTOMATIC_QUESTION[wanted.signal] ?? null) : null,
    reservePercent: reserve ? (wanted.reservePercent ?? null) : null,
    reserveDays: reserve ? (wanted.reserveDays ?? null) : null,
  };
}

/** An intervention in force, as reconciliation sees it. */
export interface InForce {
  id: string;
  kind: InterventionKind;
  source: InterventionSource;
}

/** An intervention the account resolved or the platform lifted, for the breach that placed it. */
export interface Settled {
  kind: InterventionKind;
  signal: RiskSignalKind | null;
  breachedSince: Date | null;
}

/** What an assessment stops by itself once its breach is over; the rest the account resolves. */
const LIFTED_WHEN_UNWANTED: ReadonlySet<InterventionKind> = new Set([
  'rolling_reserve',
  'disable_charges',
  'pause_payouts',
]);

const sameBreach = (wanted: WantedIntervention, settled: Settled) =>
  settled.kind === wanted.kind &&
  settled.signal === wanted.signal &&
  settled.breachedSince?.getTime() === Date.parse(wanted.breachedSince);

/**
 * An assessment's wanted set against what is in force: place each wanted kind not in force
 * (one per kind: the larger reserve when two signals want one) unless the account resolved or
 * the platform lifted it for the same breach; lift the automatic ones an assessment stops that
 * are no longer wanted. A `require_*` stays until resolved, and nothing the platform placed is
 * touched.
 */
export function reconcile(
  wanted: readonly WantedIntervention[],
  inForce: readonly InForce[],
  settled: readonly Settled[],
): { place: WantedIntervention[]; lift: string[] } {
  const byKind = new Map<InterventionKind, WantedIntervention>();
  for (const want of wanted) {
    if (settled.some((done) => sameBreach(want, done))) continue;
    const chosen = byKind.get(want.kind);
    if (!chosen || (want.reservePercent ?? 0) > (chosen.reservePercent ?? 0))
      byKind.set(want.kind, want);
  }
  const place = [...byKind.values()].filter(
    (want) => !inForce.some((intervention) => intervention.kind === want.kind),
  );
  const lift = inForce
    .filter(
      (intervention) =>
        intervention.source === 'automatic' &&
        LIFTED_WHEN_UNWANTED.has(intervention.kind) &&
        !wanted.some((want) => want.kind === intervention.kind),
    )
    .map((intervention) => intervention.id);
  return { place, lift };
}
