import { computed, nextTick, reactive, ref, type Ref } from 'vue';
import { announce, useI18n } from '@dash/web-kit';
import { ownerIndex } from './fields.rules.js';
import {
  changedValues,
  fieldsWithAddedOwners,
  nextOwnerIndex,
  ownerKeys,
  ownersWithInput,
  shownValue,
} from './onboarding-flow.rules.js';
import {
  fieldErrorsOf,
  type Onboarding,
  type OnboardingApi,
  type OnboardingStep,
  type OnboardingValue,
} from './onboarding-api.js';

/**
 * The step on screen as a draft: what was typed and not saved (it survives Back and coming
 * back), saving it, the refusals shown under the fields, and owners added or removed. `root` is
 * where the focus goes looking for the first problem or a new owner's first input.
 */
export function useStepDraft(
  api: OnboardingApi,
  onboarding: Ref<Onboarding | undefined>,
  step: Ref<OnboardingStep | undefined>,
  root: Ref<HTMLElement | undefined>,
) {
  const { t } = useI18n();
  /** What was typed and not yet saved, by field key. */
  const edits = reactive<Record<string, string>>({});
  /** The save's refusals, by field key. */
  const problems = ref<Record<string, { code: string; message: string }>>({});
  const stepProblem = ref<'checkFields' | 'saveFailed' | 'stillDue' | ''>('');
  const notice = ref('');
  const busy = ref(false);
  /** Owners added on this page and not saved yet (their index). */
  const addedOwners = ref<number[]>([]);

  const fields = computed(() => fieldsWithAddedOwners(step.value, addedOwners.value));
  const values = computed(() =>
    Object.fromEntries(fields.value.map((field) => [field.key, shownValue(field, edits)])),
  );

  /** A step arrived at starts clean; owners added and left empty are not kept. */
  function restart(): void {
    problems.value = {};
    stepProblem.value = '';
    notice.value = '';
    addedOwners.value = ownersWithInput(addedOwners.value, edits);
  }

  async function focusFirstProblem(): Promise<void> {
    await nextTick();
    root.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Marks these fields as required and still empty. */
  function markRequired(keys: string[], why: 'checkFields' | 'stillDue'): void {
    problems.value = Object.fromEntries(
      keys.map((key) => [key, { code: 'required', message: t('onboarding.errors.required') }]),
    );
    stepProblem.value = why;
  }

  function forget(keys: string[]): void {
    for (const key of keys) delete edits[key];
  }

  /** Saves these values. False when the server refused them (shown under the fields). */
  async function save(values: OnboardingValue[]): Promise<boolean> {
    if (!values.length) return true;
    busy.value = true;
    problems.value = {};
    stepProblem.value = '';
    try {
      onboarding.value = await api.save(values);
      forget(values.map((value) => value.key));
      // In the dashboard (an update), the banner looks again at what is due.
      announce('dash:account-changed');
      return true;
    } catch (error) {
      const refused = fieldErrorsOf(error);
      if (refused?.length) {
        problems.value = Object.fromEntries(
          refused.map(({ field, code, message }) => [field, { code, message }]),
        );
        stepProblem.value = 'checkFields';
        await focusFirstProblem();
      } else stepProblem.value = 'saveFailed';
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Saves what changed on this step. */
  const saveStep = () => save(changedValues(fields.value, edits));

  function input(key: string, value: string): void {
    edits[key] = value;
    if (problems.value[key]) {
      const { [key]: _fixed, ...rest } = problems.value;
      problems.value = rest;
    }
  }

  async function addOwner(): Promise<void> {
    const n = nextOwnerIndex(fields.value, addedOwners.value);
    addedOwners.value = [...addedOwners.value, n];
    await nextTick();
    root.value?.querySelector<HTMLElement>(`[data-owner="${n}"] input`)?.focus();
  }

  /** An owner saved before is cleared on the server (its keys saved as null); a new one just goes. */
  async function removeOwner(n: number): Promise<void> {
    const keys = new Set(
      (step.value?.fields ?? []).map((field) => field.key).filter((key) => ownerIndex(key) === n),
    );
    const local = ownerKeys(n);
    if (keys.size) {
      for (const key of local) keys.add(key);
      if (!(await save([...keys].map((key) => ({ key, value: null }))))) return;
    }
    forget(local);
    addedOwners.value = addedOwners.value.filter((added) => added !== n);
    notice.value = t('onboarding.ownerRemoved');
    await nextTick();
    root.value?.querySelector<HTMLElement>('[data-testid="add-owner"]')?.focus();
  }

  return {
    fields,
    values,
    problems,
    stepProblem,
    notice,
    busy,
    restart,
    focusFirstProblem,
    markRequired,
    saveStep,
    input,
    addOwner,
    removeOwner,
  };
}
