import { isVerifiable, type VerificationResult } from '../onboarding/verification.rules.js';

/**
 * What an answer says about the account, for deciding who may change it once the details are
 * submitted and what is verified again after it changes: who a person is (legal name, birth
 * date, id number), where they live, who the company is (legal name, tax id) and where it is,
 * the business type everything else hangs on, or anything else (the website, a job title…).
 */
export type DetailKind =
  | 'person_identity'
  | 'person_address'
  | 'company_identity'
  | 'company_address'
  | 'business_type'
  | 'other';

const PERSON_KEY = /^(individual|representative|owners\.\d{1,2})\.(.+)$/;
const IDENTITY_PARTS = new Set([
  'first_name',
  'last_name',
  'first_name_kana',
  'last_name_kana',
  'first_name_kanji',
  'last_name_kanji',
  'dob',
  'id_number',
]);

export function detailKind(key: string): DetailKind {
  if (key === 'business_type') return 'business_type';
  if (key === 'company.name' || key === 'company.tax_id') return 'company_identity';
  if (key.startsWith('company.address.')) return 'company_address';
  const person = PERSON_KEY.exec(key);
  if (person && IDENTITY_PARTS.has(person[2]!)) return 'person_identity';
  if (person && person[2]!.startsWith('address.')) return 'person_address';
  return 'other';
}

/**
 * Changes a stolen session alone must not make to submitted details: each needs a code sent
 * to the account's own phone (or email). A website or a job title may change without one.
 */
export const needsStepUp = (key: string) => detailKind(key) !== 'other';

/** Whose answer a key is: individual, representative, owners.2, or company. */
const holderOf = (key: string) => PERSON_KEY.exec(key)?.[1] ?? 'company';

/**
 * The keys a provider checks again after these answers changed. A person is verified as one
 * identity — the birth date is checked with the name, the id number matched against both — so
 * a new legal name or birth date re-checks the birth date and id number, a new id number
 * itself; any part of an address re-checks the address (the provider keys it by its first
 * line); a company's new legal name re-checks its tax id. Only keys the provider verifies and
 * the account has answered are returned.
 */
export function keysToReverify(changed: readonly string[], answers: Record<string, string>) {
  const keys = new Set<string>();
  for (const key of changed) {
    const holder = holderOf(key);
    const candidates = {
      person_identity: key.endsWith('.id_number')
        ? [key]
        : [`${holder}.dob`, `${holder}.id_number`],
      person_address: [`${holder}.address.line1`],
      company_identity: ['company.tax_id'],
      company_address: [],
      business_type: [],
      other: [],
    }[detailKind(key)];
    for (const candidate of candidates)
      if (isVerifiable(candidate) && answers[candidate]) keys.add(candidate);
  }
  return [...keys].sort();
}

/**
 * What verification knows after a change: an answer that changed has no verdict any more, and
 * the keys to check again wait as pending until the provider answers. Verdicts on anything
 * else (other answers, documents) stay as they were.
 */
export function verificationAfterChange(
  before: Readonly<Record<string, VerificationResult>>,
  changed: readonly string[],
  reverify: readonly string[],
): Record<string, VerificationResult> {
  const after = Object.fromEntries(
    Object.entries(before).filter(([key]) => !changed.includes(key)),
  );
  for (const key of reverify) after[key] = { status: 'pending' };
  return after;
}

/**
 * The provider's answers applied to what is still waiting: a key it answered takes the answer;
 * a key it had no opinion on stays pending, for a person (or a real provider) to decide.
 */
export function withProviderAnswers(
  current: Readonly<Record<string, VerificationResult>>,
  asked: readonly string[],
  answers: Readonly<Record<string, VerificationResult>>,
): Record<string, VerificationResult> {
  const after = { ...current };
  for (const key of asked) if (answers[key]) after[key] = answers[key];
  return after;
}

/** The keys waiting for a provider's answer. */
export const pendingKeys = (verification: Readonly<Record<string, VerificationResult>>) =>
  Object.entries(verification)
    .filter(([, result]) => result.status === 'pending')
    .map(([key]) => key)
    .sort();
