import {
  formatDate,
  humaniseRequirement,
  requirementMessageKey,
  useI18n,
  useLocale,
} from '@dash/web-kit';
import type { FieldKind, OnboardingField, OnboardingStep } from './onboarding-api.js';

/** The parts of one owner ("Add an owner" adds these for the next index). */
export const OWNER_PARTS: ReadonlyArray<{ part: string; kind: FieldKind; required: boolean }> = [
  { part: 'first_name', kind: 'TEXT', required: true },
  { part: 'last_name', kind: 'TEXT', required: true },
  { part: 'dob', kind: 'DATE', required: true },
  { part: 'percent_ownership', kind: 'PERCENT', required: true },
  { part: 'email', kind: 'EMAIL', required: false },
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
  field.kind === 'CHECKBOX' ? field.value !== 'true' : !field.value;

/** The step that asks for a requirement (external_account is the bank step's). */
export function stepHolding(
  steps: OnboardingStep[],
  requirement: string,
): OnboardingStep | undefined {
  if (requirement === 'external_account') return steps.find((step) => step.key === 'bank');
  return steps.find((step) => step.fields.some((field) => field.key === requirement));
}

const SAFE_KEY = /^[A-Za-z0-9_-]+$/;

/** The words for fields, options and refusals, in the current language. */
export function useFieldWords() {
  const { t, te } = useI18n();
  const locale = useLocale();

  const known = (path: string) => te(path, 'en');

  /** The field's label, and whether it had words (a humanised key is shown capitalised by CSS). */
  function label(key: string): { text: string; known: boolean } {
    const path = `onboarding.fields.${requirementMessageKey(key)}`;
    return known(path)
      ? { text: t(path), known: true }
      : { text: humaniseRequirement(key), known: false };
  }

  function regionName(code: string): string {
    try {
      return new Intl.DisplayNames([locale.value], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  function optionLabel(field: OnboardingField, option: string): string {
    if (field.kind === 'COUNTRY') return regionName(option);
    if (!SAFE_KEY.test(option)) return option;
    const path = `onboarding.options.${requirementMessageKey(field.key)}.${option}`;
    return known(path) ? t(path) : option;
  }

  /** A refusal in words: localized by its code, the server's message otherwise. */
  function problemText(code: string | null | undefined, message: string): string {
    const path = `onboarding.errors.${code ?? ''}`;
    return code && SAFE_KEY.test(code) && known(path) ? t(path) : message;
  }

  /** A saved value as the review shows it (masked ones as they come). */
  function display(field: OnboardingField): string {
    const value = field.value;
    if (field.kind === 'CHECKBOX') return t(value === 'true' ? 'onboarding.yes' : 'onboarding.no');
    if (!value) return t('onboarding.notProvided');
    if (field.kind === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      // A calendar date, not an instant: format it in UTC so no time zone moves the day.
      return formatDate(`${value}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
    }
    if (field.kind === 'PERCENT' && Number.isFinite(Number(value))) {
      return new Intl.NumberFormat(locale.value, {
        style: 'percent',
        maximumFractionDigits: 2,
      }).format(Number(value) / 100);
    }
    if (field.kind === 'SELECT' || field.kind === 'COUNTRY') return optionLabel(field, value);
    return value;
  }

  /** A step's name; a step this app has no words for is named by its key, humanised. */
  const stepName = (key: string) =>
    SAFE_KEY.test(key) && known(`onboarding.steps.${key}`)
      ? t(`onboarding.steps.${key}`)
      : humaniseRequirement(key);
  const stepIntro = (key: string) =>
    SAFE_KEY.test(key) && known(`onboarding.intros.${key}`) ? t(`onboarding.intros.${key}`) : '';

  return { label, optionLabel, problemText, display, regionName, stepName, stepIntro, locale };
}
