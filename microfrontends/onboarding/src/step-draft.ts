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
  needsCode,
  refusesValues,
  type Onboarding,
  type OnboardingApi,
  type OnboardingStep,
  type OnboardingValue,
  type StepUpAnswer,
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
  /**
   * Whether a save waits for a code (a signed-in account changing its submitted identity
   * details), and the values it waits with.
   */
  const codeNeeded = ref(false);
  let waiting: OnboardingValue[] = [];
  /** A right code whose save was refused for a value: it is still good for the next try. */
  let goodCode: StepUpAnswer | undefined;

  const fields = computed(() => fieldsWithAddedOwners(step.value, addedOwners.value));
  const values = computed(() =>
    Object.fromEntries(fields.value.map((field) => [field.key, shownValue(field, edits)])),
  );

  /** A step arrived at starts clean; owners added and left empty are not kept. */
  function restart(): void {
    problems.value = {};
    codeNeeded.value = false;
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

  async function showRefusedFields(error: unknown): Promise<boolean> {
    const refused = fieldErrorsOf(error);
    if (!refused?.length) return false;
    problems.value = Object.fromEntries(
      refused.map(({ field, code, message }) => [field, { code, message }]),
    );
    stepProblem.value = 'checkFields';
    await focusFirstProblem();
    return true;
  }

  function saved(next: Onboarding, values: OnboardingValue[]): void {
    onboarding.value = next;
    forget(values.map((value) => value.key));
    goodCode = undefined;
    codeNeeded.value = false;
    // In the dashboard (an update), the banner looks again at what is due.
    announce('dash:account-changed');
  }

  /** Saves these values. False when the server refused them (shown under the fields). */
  async function save(values: OnboardingValue[]): Promise<boolean> {
    if (!values.length) return true;
    busy.value = true;
    problems.value = {};
    stepProblem.value = '';
    try {
      saved(await api.save(values, goodCode), values);
      return true;
    } catch (error) {
      if (needsCode(error)) {
        waiting = values;
        codeNeeded.value = true;
      } else if (!(await showRefusedFields(error))) {
        goodCode = undefined;
        stepProblem.value = 'saveFailed';
      }
      return false;
    } finally {
      busy.value = false;
    }
  }

  /**
   * Saves the values that waited for a code, with it. A value refused comes back under its
   * field (the code stays good for the next try); a refusal of the code is thrown, for the code
   * panel to explain.
   */
  async function saveWithCode(answer: StepUpAnswer): Promise<boolean> {
    busy.value = true;
    try {
      saved(await api.save(waiting, answer), waiting);
      return true;
    } catch (error) {
      if (!refusesValues(error)) throw error;
      goodCode = answer;
      codeNeeded.value = false;
      await showRefusedFields(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Leaves the code for later: the values stay typed, unsaved. */
  const cancelCode = () => (codeNeeded.value = false);

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
    codeNeeded,
    saveWithCode,
    cancelCode,
    restart,
    focusFirstProblem,
    markRequired,
    saveStep,
    input,
    addOwner,
    removeOwner,
  };
}
