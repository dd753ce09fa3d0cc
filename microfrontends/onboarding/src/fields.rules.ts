import type { FieldKind, OnboardingField, OnboardingStep } from './onboarding-api.js';

/** The parts of one owner ("Add an owner" adds these for the next index). */
export const OWNER_PARTS: ReadonlyArray<{ part: string; kind: FieldKind; required: boolean }> = [
  { part: 'first_name', kind: 'text', required: true },
  { part: 'last_name', kind: 'text', required: true },
  { part: 'dob', kind: 'date', required: true },
  { part: 'percent_ownership', kind: 'percent', required: true },
  { part: 'email', kind: 'email', required: false },
];

const OWNER_KEY = /^owners\.(\d+)\.(.+)$/;

/** The owner a key belongs to: owners.2.first_name → 2. */
export function ownerIndex(key: string): number | undefined {
  const match = OWNER_KEY.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** An empty input for one part of an owner not saved yet. */
export const ownerField = (index: number, part: (typeof OWNER_PARTS)[number]): OnboardingField => ({
  key: `owners.${index}.${part.part}`,
  kind: part.kind,
  required: part.required,
  value: null,
  options: null,
  error: null,
  errorCode: null,
});

/** The owners' fields by index (in index order), and the step's other fields. */
export function groupOwners(fields: OnboardingField[]) {
  const owners = new Map<number, OnboardingField[]>();
  const others: OnboardingField[] = [];
  for (const field of fields) {
    const index = ownerIndex(field.key);
    if (index === undefined) others.push(field);
    else owners.set(index, [...(owners.get(index) ?? []), field]);
  }
  return {
    owners: [...owners.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, ownerFields]) => ({ index, fields: ownerFields })),
    others,
  };
}

/** The element id of a field's input (ids cannot hold dots usefully in selectors). */
export const inputId = (key: string) => `onb-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Whether a saved field holds nothing (a masked ID number counts as given). */
export const isBlank = (field: OnboardingField) =>
  field.kind === 'checkbox' ? field.value !== 'true' : !field.value;

/** The step that asks for a requirement (external_account is the bank step's). */
export function stepHolding(
  steps: OnboardingStep[],
  requirement: string,
): OnboardingStep | undefined {
  if (requirement === 'external_account') return steps.find((step) => step.key === 'bank');
  return steps.find((step) => step.fields.some((field) => field.key === requirement));
}
