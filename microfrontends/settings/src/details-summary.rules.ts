/**
 * The onboarding answers as Settings shows them, grouped as Stripe's Express dashboard does:
 * business details, personal details (a company's representative), company details and its
 * owners. A group reads as a person thinks of it — one legal name, one address — and each row
 * keeps the requirement keys it stands for, so what verification says of them shows beside it.
 */

/** A field as the onboarding query lists it (values already masked where they are ids). */
export interface DetailField {
  key: string;
  kind: string;
  value: string | null;
}

export interface DetailStep {
  key: string;
  fields: readonly DetailField[];
}

/** What the rows' words are: settings.details.rows.<label>. */
export type RowLabel =
  | 'businessName'
  | 'website'
  | 'productDescription'
  | 'supportEmail'
  | 'name'
  | 'email'
  | 'phone'
  | 'dob'
  | 'address'
  | 'idNumber'
  | 'title'
  | 'companyName'
  | 'taxId'
  | 'companyPhone'
  | 'owner'
  | 'ownership'
  | 'ownersProvided';

/** How a value is written: as given, a calendar date, a share, yes or no. */
export type RowFormat = 'text' | 'date' | 'percent' | 'yesNo';

export interface DetailRow {
  label: RowLabel;
  /** For an owner's name: which owner (1, 2, …). */
  number?: number;
  /** Null when nothing was given. */
  value: string | null;
  format: RowFormat;
  /** The requirement keys the row stands for. */
  keys: string[];
}

export type GroupKey = 'business' | 'person' | 'representative' | 'company' | 'owners';

export interface DetailGroup {
  key: GroupKey;
  /** The onboarding step that edits it (/onboarding?edit=<step>). */
  step: string;
  rows: DetailRow[];
}

export type RowStatus = 'pending' | 'attention' | 'none';

/** What verification says of the requirements, as the onboarding query lists it. */
export interface RequirementsFacts {
  currentlyDue: readonly string[];
  pendingVerification: readonly string[];
  errors: ReadonlyArray<{ requirement: string }>;
}

const NAME_PARTS = [
  ['first_name_kanji', 'last_name_kanji'],
  ['first_name_kana', 'last_name_kana'],
  ['first_name', 'last_name'],
] as const;
const ADDRESS_PARTS = ['line1', 'line2', 'city', 'state', 'postal_code'] as const;

/** The answers of one step, by key. */
const answersOf = (step: DetailStep) =>
  new Map(step.fields.map((field) => [field.key, field] as const));

type Answers = ReturnType<typeof answersOf>;

/** The keys of `parts` under `prefix` that the step asks for. */
const asked = (answers: Answers, prefix: string, parts: readonly string[]) =>
  parts.map((part) => `${prefix}.${part}`).filter((key) => answers.has(key));

/** Values joined as one line, leaving out what is empty. */
const joined = (answers: Answers, keys: readonly string[], separator: string) =>
  keys
    .map((key) => answers.get(key)?.value?.trim())
    .filter(Boolean)
    .join(separator) || null;

function row(
  answers: Answers,
  label: RowLabel,
  key: string,
  format: RowFormat = 'text',
): DetailRow[] {
  return answers.has(key) ? [{ label, value: answers.get(key)!.value, format, keys: [key] }] : [];
}

/** A person's legal name: kanji and kana both in Japan, given and family names elsewhere. */
function nameRow(answers: Answers, prefix: string, label: RowLabel = 'name'): DetailRow[] {
  const scripts = NAME_PARTS.map((parts) => asked(answers, prefix, parts)).filter(
    (keys) => keys.length,
  );
  if (!scripts.length) return [];
  const keys = scripts.flat();
  // Japanese writes the family name first.
  const ordered = (script: string[]) =>
    script[0]?.endsWith('_kanji') || script[0]?.endsWith('_kana') ? [...script].reverse() : script;
  const names = scripts.map((script) => joined(answers, ordered(script), ' ')).filter(Boolean);
  const value = names.length ? names.join(names.length > 1 ? ' / ' : '') : null;
  return [{ label, value, format: 'text', keys }];
}

function addressRow(answers: Answers, prefix: string): DetailRow[] {
  const keys = asked(answers, `${prefix}.address`, ADDRESS_PARTS);
  return keys.length
    ? [{ label: 'address', value: joined(answers, keys, ', '), format: 'text', keys }]
    : [];
}

function personRows(answers: Answers, prefix: string): DetailRow[] {
  return [
    ...nameRow(answers, prefix),
    ...row(answers, 'title', `${prefix}.title`),
    ...row(answers, 'dob', `${prefix}.dob`, 'date'),
    ...addressRow(answers, prefix),
    ...row(answers, 'email', `${prefix}.email`),
    ...row(answers, 'phone', `${prefix}.phone`),
    ...row(answers, 'idNumber', `${prefix}.id_number`),
  ];
}

const OWNER_KEY = /^owners\.(\d+)\./;

function ownerRows(answers: Answers): DetailRow[] {
  const indexes = [
    ...new Set([...answers.keys()].map((key) => OWNER_KEY.exec(key)?.[1]).filter(Boolean)),
  ]
    .map(Number)
    .sort((a, b) => a - b);
  return [
    ...indexes.flatMap((index, position) => {
      const prefix = `owners.${index}`;
      return [
        ...nameRow(answers, prefix, 'owner').map((name) => ({ ...name, number: position + 1 })),
        ...row(answers, 'dob', `${prefix}.dob`, 'date'),
        ...row(answers, 'ownership', `${prefix}.percent_ownership`, 'percent'),
        ...row(answers, 'email', `${prefix}.email`),
      ];
    }),
    ...row(answers, 'ownersProvided', 'company.owners_provided', 'yesNo'),
  ];
}

/**
 * The groups Settings shows, from the onboarding steps in their order: business details, the
 * person (or the company's representative), the company and its owners. Steps without answers
 * to show (the business type, the bank account, the review) make no group.
 */
export function detailGroups(
  steps: readonly DetailStep[],
  businessType: string | null,
): DetailGroup[] {
  const groups: DetailGroup[] = [];
  for (const step of steps) {
    const answers = answersOf(step);
    const individual = businessType === 'individual';
    const rows =
      step.key === 'business'
        ? [
            ...row(answers, 'businessName', 'business_profile.name'),
            ...row(answers, 'website', 'business_profile.url'),
            ...row(answers, 'productDescription', 'business_profile.product_description'),
            ...row(answers, 'supportEmail', 'business_profile.support_email'),
          ]
        : step.key === 'representative'
          ? personRows(answers, individual ? 'individual' : 'representative')
          : step.key === 'company'
            ? [
                ...row(answers, 'companyName', 'company.name'),
                ...row(answers, 'taxId', 'company.tax_id'),
                ...row(answers, 'companyPhone', 'company.phone'),
                ...addressRow(answers, 'company'),
              ]
            : step.key === 'owners'
              ? ownerRows(answers)
              : [];
    if (!rows.length) continue;
    const key: GroupKey =
      step.key === 'representative'
        ? individual
          ? 'person'
          : 'representative'
        : (step.key as GroupKey);
    groups.push({ key, step: step.key, rows });
  }
  return groups;
}

/** Whether verification is looking at a row's answers, or they need the account's attention. */
export function rowStatus(keys: readonly string[], facts: RequirementsFacts): RowStatus {
  const failed = new Set(facts.errors.map((error) => error.requirement));
  if (keys.some((key) => failed.has(key) || facts.currentlyDue.includes(key))) return 'attention';
  if (keys.some((key) => facts.pendingVerification.includes(key))) return 'pending';
  return 'none';
}

/**
 * A group's state as its heading shows it: something to fix, something being verified, or —
 * for what verification checks, once the details are submitted — verified.
 */
export function groupStatus(
  group: DetailGroup,
  facts: RequirementsFacts,
  detailsSubmitted: boolean,
): RowStatus | 'verified' {
  const statuses = group.rows.map((candidate) => rowStatus(candidate.keys, facts));
  if (statuses.includes('attention')) return 'attention';
  if (statuses.includes('pending')) return 'pending';
  return detailsSubmitted && group.key !== 'business' ? 'verified' : 'none';
}
