import { DOCUMENTS_UP_FRONT } from '../onboarding/requirement-table.rules.js';
import type { VerificationResult, VerificationStatus } from '../onboarding/verification.rules.js';
import type { InterventionEffect } from '../risk-intervention/risk-intervention.rules.js';

/**
 * When an account owes an identity document, Stripe-style: `individual.verification.document`
 * (or the representative's) when the person's keyed details could not be verified, and
 * `company.verification.document` when the company's tax id could not; up front in the
 * countries of DOCUMENTS_UP_FRONT. The provider's answer about a document is kept in the
 * account's verification record under the requirement's key, like any other check's.
 */

export const DOCUMENT_TYPES = {
  person: ['passport', 'id_card', 'driving_license'],
  company: ['company_registration', 'tax_id_letter'],
} as const;
export type DocumentType =
  (typeof DOCUMENT_TYPES.person)[number] | (typeof DOCUMENT_TYPES.company)[number];

/** An id card and a driving licence have a back that must be sent too; the rest are one page. */
export const hasBack = (type: DocumentType) => type === 'id_card' || type === 'driving_license';

type Subject = 'person' | 'company';

/**
 * The failures a document answers: a person whose name, birth date and id could not be matched
 * proves who they are with an id; a company whose tax id did not match, with its papers.
 */
const ANSWERED_BY_DOCUMENT: Record<Subject, ReadonlySet<string>> = {
  person: new Set(['verification_failed_keyed_identity']),
  company: new Set(['verification_failed_tax_id_match']),
};

const DOCUMENT_KEY = /^(individual|representative|company)\.verification\.document$/;

export const documentKey = (prefix: string) => `${prefix}.verification.document`;

/** The requirement a key names, if it is a document's: `company`, `individual`, … */
export const documentPrefixOf = (requirement: string) => DOCUMENT_KEY.exec(requirement)?.[1];

const subjectOf = (prefix: string): Subject => (prefix === 'company' ? 'company' : 'person');

/** Who an account of this business type proves: the individual, or a representative and the company. */
function prefixesFor(businessType: string | null): string[] {
  if (businessType === null) return [];
  return businessType === 'individual' ? ['individual'] : ['representative', 'company'];
}

/** What the document requirements are worked out from: a part of the requirement facts. */
export interface DocumentFacts {
  country: string;
  businessType: string | null;
  values: Record<string, string>;
  verification: Record<string, VerificationResult>;
  /** The risk interventions in force; a `require_document` one asks for a document anew. */
  interventions?: readonly InterventionEffect[];
}

/**
 * The document a `require_document` risk intervention asks for: the person's for an individual
 * (or an account not yet onboarded), the company's papers for a company.
 */
export const interventionDocumentKey = (businessType: string | null) =>
  documentKey(businessType === 'company' ? 'company' : 'individual');

export interface DocumentRequirement {
  /** `individual.verification.document`, … */
  key: string;
  subject: Subject;
  /** Asked for now: nothing sent yet, or the last document failed. */
  due: boolean;
  /** What became of the last document sent; null when none was. */
  status: VerificationStatus | null;
  /** Why it is asked for: the failed check, or the failed document. */
  error: { code: string; reason: string } | null;
}

/** The first failed check of the subject that a document answers, if any. */
function failureAnswered(facts: DocumentFacts, prefix: string): VerificationResult | undefined {
  const answered = ANSWERED_BY_DOCUMENT[subjectOf(prefix)];
  return Object.entries(facts.verification).find(
    ([key, result]) =>
      key.startsWith(`${prefix}.`) &&
      key !== documentKey(prefix) &&
      facts.values[key] !== undefined &&
      result.status === 'failed' &&
      answered.has(result.code ?? ''),
  )?.[1];
}

/**
 * Whether a failed check is answered by the subject's document instead of the value being asked
 * again: the document requirement carries the failure (and its code) until a document is
 * verified, which settles it.
 */
export function answeredByDocument(key: string, verification: Record<string, VerificationResult>) {
  const prefix = /^(individual|representative|company)\./.exec(key)?.[1];
  if (!prefix) return false;
  return ANSWERED_BY_DOCUMENT[subjectOf(prefix)].has(verification[key]?.code ?? '');
}

/**
 * Every document requirement in play for the account: asked for now, or sent before. A
 * `require_document` intervention asks for its document whatever was sent before it: due until a
 * document sent since is verified (which lifts it), pending while that one is reviewed.
 */
export function documentRequirements(facts: DocumentFacts): DocumentRequirement[] {
  const asked = answerDocuments(facts);
  const intervention = facts.interventions?.find(
    (effect) => effect.kind === 'require_document' && effect.requirement,
  );
  if (!intervention) return asked;
  const key = intervention.requirement!;
  const status = intervention.document;
  const failed = facts.verification[key];
  const demanded: DocumentRequirement = {
    key,
    subject: subjectOf(documentPrefixOf(key) ?? 'individual'),
    due: status === null || status === 'failed',
    status,
    error:
      status === 'failed'
        ? {
            code: failed?.code ?? 'verification_document_failed_other',
            reason: failed?.reason ?? 'The document could not be verified.',
          }
        : null,
  };
  return asked.some((document) => document.key === key)
    ? asked.map((document) => (document.key === key ? demanded : document))
    : [...asked, demanded];
}

/** The documents the account's answers and country ask for. */
function answerDocuments(facts: DocumentFacts): DocumentRequirement[] {
  return prefixesFor(facts.businessType).flatMap((prefix): DocumentRequirement[] => {
    const key = documentKey(prefix);
    const subject = subjectOf(prefix);
    const sent = facts.verification[key];
    const failedCheck = failureAnswered(facts, prefix);
    const asked =
      failedCheck !== undefined || !!DOCUMENTS_UP_FRONT[facts.country]?.includes(subject);
    if (!asked && !sent) return [];
    const due = asked && (!sent || sent.status === 'failed');
    const error = !due
      ? null
      : sent
        ? {
            code: sent.code ?? 'verification_document_failed_other',
            reason: sent.reason ?? 'The document could not be verified.',
          }
        : failedCheck
          ? {
              code: failedCheck.code!,
              reason:
                subject === 'company'
                  ? 'The company could not be verified with its tax id: upload a document that shows it.'
                  : 'The person could not be verified with the details given: upload an identity document.',
            }
          : null;
    return [{ key, subject, due, status: sent?.status ?? null, error }];
  });
}

/** The document types a requirement accepts. */
export const documentTypesFor = (requirement: string): readonly DocumentType[] =>
  documentPrefixOf(requirement) === 'company' ? DOCUMENT_TYPES.company : DOCUMENT_TYPES.person;
