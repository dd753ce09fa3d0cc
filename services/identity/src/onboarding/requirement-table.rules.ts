/**
 * What each kind of account must provide, by country and business type: the one table the
 * requirements, the onboarding form and the field checks are all read from. Keys are Stripe's
 * requirement names (`individual.dob`, `company.tax_id`, `external_account`, …).
 */

/** How a question is answered: the form draws an input of this kind. */
export const FIELD_KINDS = [
  'text',
  'email',
  'phone',
  'url',
  'date',
  'select',
  'country',
  'checkbox',
  'percent',
  'id_number',
  'document',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The onboarding steps, in the order the flow shows them. */
export const STEP_KEYS = [
  'business_type',
  'business',
  'representative',
  'company',
  'owners',
  'documents',
  'bank',
  'review',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface FieldRule {
  key: string;
  step: StepKey;
  kind: FieldKind;
  /** Currently due blocks charges and payouts; eventually due is asked for, not yet needed. */
  due: 'currently' | 'eventually';
  options?: readonly string[];
}

/** The countries onboarding knows the rules of; others get the common set. */
export const ONBOARDING_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'CN', 'SG'] as const;

/** Who may own a share of a company as far as the rules go: 25% or more must be named. */
export const OWNER_THRESHOLD_PERCENT = 25;
export const OWNER_PARTS = [
  'first_name',
  'last_name',
  'dob',
  'percent_ownership',
  'email',
] as const;

/** Requirements no form field holds: the bank account and the terms of service. */
export const EXTERNAL_ACCOUNT = 'external_account';
export const TOS_REQUIREMENTS = ['tos_acceptance.date', 'tos_acceptance.ip'] as const;

const BUSINESS_TYPES = ['individual', 'company'] as const;

/**
 * Countries that ask for identity documents at onboarding, before any check has run (elsewhere
 * a document is asked only when a check fails): the person's id, and the company's registration.
 */
export const DOCUMENTS_UP_FRONT: Readonly<Record<string, readonly ('person' | 'company')[]>> = {
  SG: ['person', 'company'],
};

const field = (
  key: string,
  step: StepKey,
  kind: FieldKind = 'text',
  due: FieldRule['due'] = 'currently',
): FieldRule => ({ key, step, kind, due });

/** The name parts a country writes: Japan asks for kana and kanji, everyone else one script. */
function nameFields(prefix: string, country: string, step: StepKey): FieldRule[] {
  if (country === 'JP')
    return ['first_name_kana', 'last_name_kana', 'first_name_kanji', 'last_name_kanji'].map(
      (part) => field(`${prefix}.${part}`, step),
    );
  return [field(`${prefix}.first_name`, step), field(`${prefix}.last_name`, step)];
}

function addressFields(prefix: string, country: string, step: StepKey): FieldRule[] {
  return [
    field(`${prefix}.address.line1`, step),
    field(`${prefix}.address.line2`, step, 'text', 'eventually'),
    field(`${prefix}.address.city`, step),
    // States in the US, prefectures in Japan: both route post and taxes.
    ...(country === 'US' || country === 'JP' ? [field(`${prefix}.address.state`, step)] : []),
    field(`${prefix}.address.postal_code`, step),
  ];
}

/**
 * The national id a country verifies people by: the SSN in the US, the NRIC/FIN in Singapore,
 * the resident identity card in China. Europe, the UK and Japan verify name, birth date and
 * address instead (a document is asked when those fail: see verification-document/).
 */
function idNumberFields(prefix: string, country: string, step: StepKey): FieldRule[] {
  return country === 'US' || country === 'SG' || country === 'CN'
    ? [field(`${prefix}.id_number`, step, 'id_number')]
    : [];
}

function personFields(prefix: string, country: string, step: StepKey): FieldRule[] {
  return [
    ...nameFields(prefix, country, step),
    field(`${prefix}.email`, step, 'email'),
    field(`${prefix}.phone`, step, 'phone'),
    field(`${prefix}.dob`, step, 'date'),
    ...addressFields(prefix, country, step),
    ...idNumberFields(prefix, country, step),
  ];
}

const businessFields = (type: 'individual' | 'company'): FieldRule[] => [
  ...(type === 'individual'
    ? [field('business_profile.name', 'business', 'text', 'eventually')]
    : []),
  field('business_profile.url', 'business', 'url'),
  field('business_profile.product_description', 'business', 'text', 'eventually'),
  field('business_profile.support_email', 'business', 'email', 'eventually'),
];

function companyFields(country: string): FieldRule[] {
  return [
    field('company.name', 'company'),
    field('company.tax_id', 'company', 'id_number'),
    field('company.phone', 'company', 'phone'),
    ...addressFields('company', country, 'company'),
  ];
}

/** One owner's fields; `index` numbers them in the order they were added. */
export function ownerFields(index: number): FieldRule[] {
  const prefix = `owners.${index}`;
  return [
    field(`${prefix}.first_name`, 'owners'),
    field(`${prefix}.last_name`, 'owners'),
    field(`${prefix}.dob`, 'owners', 'date'),
    field(`${prefix}.percent_ownership`, 'owners', 'percent'),
    field(`${prefix}.email`, 'owners', 'email', 'eventually'),
  ];
}

/** A non-profit onboards like a company: a representative, its details, who controls it. */
const onboardingTypeOf = (businessType: string | null) =>
  businessType === null ? null : businessType === 'individual' ? 'individual' : 'company';

/**
 * Every field an account of this country and business type is asked for; `ownerIndexes` are
 * the owners it has named so far. Before a business type is chosen only that question is due.
 */
export function requirementRules(
  country: string,
  businessType: string | null,
  ownerIndexes: number[] = [],
): FieldRule[] {
  const chooseType: FieldRule = {
    ...field('business_type', 'business_type', 'select'),
    options: BUSINESS_TYPES,
  };
  const type = onboardingTypeOf(businessType);
  if (type === null) return [chooseType];
  if (type === 'individual')
    return [
      chooseType,
      ...businessFields(type),
      ...personFields('individual', country, 'representative'),
    ];
  return [
    chooseType,
    ...businessFields(type),
    ...personFields('representative', country, 'representative'),
    field('representative.title', 'representative'),
    ...companyFields(country),
    ...ownerIndexes.flatMap(ownerFields),
    field('company.owners_provided', 'owners', 'checkbox'),
  ];
}

/** The steps an account of this business type goes through; documents only when asked for. */
export function stepsFor(businessType: string | null, { documents = false } = {}): StepKey[] {
  const type = onboardingTypeOf(businessType);
  if (type === null) return ['business_type', 'bank', 'review'];
  return STEP_KEYS.filter(
    (step) =>
      (type === 'company' || (step !== 'company' && step !== 'owners')) &&
      (documents || step !== 'documents'),
  );
}

/** The rule a value's key falls under (owners' keys included), or undefined for unknown keys. */
export function ruleFor(
  country: string,
  businessType: string | null,
  key: string,
): FieldRule | undefined {
  const owner = /^owners\.(\d{1,2})\./.exec(key);
  return requirementRules(country, businessType, owner ? [Number(owner[1])] : []).find(
    (rule) => rule.key === key,
  );
}
