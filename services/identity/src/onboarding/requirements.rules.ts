import {
  EXTERNAL_ACCOUNT,
  requirementRules,
  TOS_REQUIREMENTS,
  type FieldRule,
} from './requirement-table.rules.js';
import type { RequirementsSummary } from '@dash/events';
import type { Account } from '../account/account.entity.js';
import type { VerificationResult } from './verification.rules.js';
import {
  answeredByDocument,
  documentRequirements,
} from '../verification-document/document-requirements.rules.js';
import {
  interventionHolds,
  type InterventionEffect,
} from '../risk-intervention/risk-intervention.rules.js';

/** What the requirements are computed from: the account's answers and what became of them. */
export interface RequirementFacts {
  country: string;
  businessType: string | null;
  /** Every answer given, by requirement key (present means provided). */
  values: Record<string, string>;
  externalAccount: boolean;
  tosAcceptedAt: Date | null;
  verification: Record<string, VerificationResult>;
  /** Since when something has been due again after the details were submitted. */
  dueSince: Date | null;
  /** The risk interventions in force (none when left out). */
  interventions?: readonly InterventionEffect[];
}

export interface RequirementError {
  requirement: string;
  code: string;
  reason: string;
}

export interface RequirementsState {
  currentlyDue: string[];
  eventuallyDue: string[];
  pastDue: string[];
  pendingVerification: string[];
  errors: RequirementError[];
  currentDeadline: Date | null;
  disabledReason: string | null;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
}

/** How long an onboarded account keeps its capabilities while something newly due is missing. */
export const GRACE_DAYS = 14;
const DAY = 24 * 3600 * 1000;

/** The owners an account has named, by the index in their keys (owners.<n>.first_name). */
export function ownerIndexes(values: Record<string, string>): number[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = /^owners\.(\d+)\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/** The form fields that apply to the account now. */
export const rulesFor = (facts: RequirementFacts): FieldRule[] =>
  requirementRules(facts.country, facts.businessType, ownerIndexes(facts.values));

/**
 * What an account still owes, Stripe-style. Until the details are first submitted (terms
 * accepted) everything currently due is past due and nothing is enabled, as for a new Stripe
 * account. After that, something newly due (a failed check, a new rule) gets a deadline
 * GRACE_DAYS out; charges stop only when it passes, payouts wait until nothing is due or
 * pending. A risk intervention in force may ask for something too (a document, information),
 * or stop payouts or charges outright while the account is under review.
 */
export function computeRequirements(facts: RequirementFacts, now = new Date()): RequirementsState {
  // A failure a document answers is asked for as that document, not as the value again.
  const failed = (key: string) =>
    facts.verification[key]?.status === 'failed' && !answeredByDocument(key, facts.verification);
  const documents = documentRequirements(facts);
  const holds = interventionHolds(facts.interventions ?? []);
  const owed = (rule: FieldRule) => !facts.values[rule.key] || failed(rule.key);
  // A company names everyone owning 25% or more: "owners provided" must be a yes.
  const unanswered = (rule: FieldRule) =>
    rule.kind === 'checkbox' ? facts.values[rule.key] !== 'true' || failed(rule.key) : owed(rule);
  const rules = rulesFor(facts);
  const detailsSubmitted = facts.tosAcceptedAt !== null;
  const currentlyDue = [
    ...rules.filter((rule) => rule.due === 'currently' && unanswered(rule)).map((rule) => rule.key),
    ...documents.filter((document) => document.due).map((document) => document.key),
    ...(facts.externalAccount ? [] : [EXTERNAL_ACCOUNT]),
    ...(detailsSubmitted ? [] : TOS_REQUIREMENTS),
    ...holds.currentlyDue,
  ];
  const eventuallyDue = [
    ...currentlyDue,
    ...rules
      .filter((rule) => rule.due === 'eventually' && unanswered(rule))
      .map((rule) => rule.key),
  ];
  const pendingVerification = [
    ...Object.entries(facts.verification)
      .filter(([key, result]) => result.status === 'pending' && facts.values[key])
      .map(([key]) => key),
    ...documents.filter((document) => document.status === 'pending').map(({ key }) => key),
  ];
  const errors = [
    ...Object.entries(facts.verification)
      .filter(([key]) => failed(key) && facts.values[key])
      .map(([requirement, result]) => ({
        requirement,
        code: result.code ?? 'verification_failed_other',
        reason: result.reason ?? 'The information could not be verified.',
      })),
    ...documents.flatMap(({ key, error }) => (error ? [{ requirement: key, ...error }] : [])),
  ];

  if (!detailsSubmitted)
    return {
      currentlyDue,
      eventuallyDue,
      pastDue: currentlyDue,
      pendingVerification,
      errors,
      currentDeadline: null,
      disabledReason: 'requirements.past_due',
      detailsSubmitted,
      chargesEnabled: false,
      payoutsEnabled: false,
    };

  const deadline =
    currentlyDue.length > 0 ? new Date((facts.dueSince ?? now).getTime() + GRACE_DAYS * DAY) : null;
  const overdue = deadline !== null && now >= deadline;
  const waiting = pendingVerification.length > 0;
  return {
    currentlyDue,
    eventuallyDue,
    pastDue: overdue ? currentlyDue : [],
    pendingVerification,
    errors,
    currentDeadline: deadline,
    // A review stops the account whatever it provides, so it is named before what is due.
    disabledReason: holds.underReview
      ? 'under_review'
      : overdue
        ? 'requirements.past_due'
        : waiting
          ? 'requirements.pending_verification'
          : null,
    detailsSubmitted,
    chargesEnabled: !overdue && !holds.chargesDisabled,
    payoutsEnabled: !overdue && !holds.underReview && currentlyDue.length === 0 && !waiting,
  };
}

/** The answers an account gave, by requirement key, wherever they are kept. */
export function answersOf(account: Account): Record<string, string> {
  const profile = account.businessProfile;
  const answers: Record<string, string | null | undefined> = {
    business_type: account.businessType,
    'business_profile.name': profile?.name,
    'business_profile.url': profile?.url,
    'business_profile.support_email': profile?.supportEmail,
    ...account.onboardingDetails,
  };
  return Object.fromEntries(
    Object.entries(answers).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

export const requirementFactsOf = (account: Account): RequirementFacts => ({
  country: account.country,
  businessType: account.businessType,
  values: answersOf(account),
  externalAccount: account.externalAccountProvided,
  tosAcceptedAt: account.tosAcceptance ? new Date(account.tosAcceptance.date) : null,
  verification: account.verification ?? {},
  dueSince: account.requirementsDueSince,
  interventions: account.activeInterventions ?? [],
});

export const requirementsOf = (account: Account, now = new Date()): RequirementsState =>
  computeRequirements(requirementFactsOf(account), now);

/** The requirements as events carry them; `newlyDue` against the state `before`. */
export const summarize = (
  state: RequirementsState,
  before?: RequirementsState,
): RequirementsSummary => ({
  currentlyDue: state.currentlyDue,
  newlyDue: before ? state.currentlyDue.filter((key) => !before.currentlyDue.includes(key)) : [],
  pastDue: state.pastDue,
  pendingVerification: state.pendingVerification,
  errors: state.errors.map((error) => error.requirement),
  currentDeadline: state.currentDeadline?.toISOString() ?? null,
  detailsSubmitted: state.detailsSubmitted,
  chargesEnabled: state.chargesEnabled,
  payoutsEnabled: state.payoutsEnabled,
});
