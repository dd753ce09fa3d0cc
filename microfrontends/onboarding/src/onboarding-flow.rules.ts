import { OWNER_PARTS, isBlank, ownerField, ownerIndex, stepHolding } from './fields.rules.js';
import type { OnboardingField, OnboardingStep, OnboardingValue } from './onboarding-api.js';

/**
 * Where the hosted onboarding is, as a small state machine: opening a link, loading, a refusal,
 * or one of the steps the server lists (and whether Continue goes back to the review), or done.
 * The component turns what happens (a load, a save, Back) into events and shows the state.
 */
export type FlowState =
  | { view: 'opening' | 'loading' | 'redirecting' | 'needs-link' | 'error' | 'done' }
  | { view: 'refused'; reason: string }
  | { view: 'steps'; step: string; backToReview: boolean };

export type FlowEvent =
  /** The onboarding is (re)read from the server. */
  | { type: 'load' }
  /** The account link was refused; with a refresh URL the platform hands out a new one. */
  | { type: 'linkRefused'; reason: string; refreshUrl?: string }
  | { type: 'loadFailed'; signedOut: boolean }
  /** `edit`: the step a signed-in account opened from Settings, to change it alone. */
  | {
      type: 'loaded';
      steps: readonly OnboardingStep[];
      detailsSubmitted: boolean;
      edit?: string;
    }
  /** The current step was saved with everything it needs. */
  | { type: 'continue'; steps: readonly OnboardingStep[] }
  | { type: 'back'; steps: readonly OnboardingStep[] }
  /** A step opened from the review or the done screen: its Continue returns to the review. */
  | { type: 'edit'; step: string }
  | { type: 'submitted' };

/** A link's token is opened first; a signed-in account loads straight away. */
export const initialFlow = (hasToken: boolean): FlowState => ({
  view: hasToken ? 'opening' : 'loading',
});

const go = (state: FlowState, step: string): FlowState => ({
  view: 'steps',
  step,
  // Arriving at the review is the end of any detour from it.
  backToReview: step !== 'review' && state.view === 'steps' && state.backToReview,
});

/** Both kinds of link continue at the first step not complete: drafts are saved on the server. */
function start(steps: readonly OnboardingStep[], detailsSubmitted: boolean): FlowState {
  const first = steps.find((step) => !step.complete);
  if (!first && (detailsSubmitted || !steps.length)) return { view: 'done' };
  return { view: 'steps', step: (first ?? steps.at(-1))!.key, backToReview: false };
}

/** After a step: back to the review when editing from it, else the next step (or one not done). */
function following(state: FlowState, steps: readonly OnboardingStep[]): FlowState {
  if (state.view !== 'steps') return state;
  const review = steps.find((step) => step.key === 'review');
  if (state.backToReview && review) return go(state, review.key);
  // The list can change with a save (a business type brings its own steps): go by key.
  const at = steps.findIndex((step) => step.key === state.step);
  const next = steps[at + 1] ?? steps.find((step) => !step.complete);
  return next ? go(state, next.key) : { view: 'done' };
}

export function transition(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'load':
      return { view: 'loading' };
    case 'linkRefused':
      return event.refreshUrl ? { view: 'redirecting' } : { view: 'refused', reason: event.reason };
    case 'loadFailed':
      return { view: event.signedOut ? 'needs-link' : 'error' };
    case 'loaded': {
      const edited = event.steps.find((step) => step.key === event.edit && step.fields.length);
      return edited
        ? { view: 'steps', step: edited.key, backToReview: false }
        : start(event.steps, event.detailsSubmitted);
    }
    case 'continue':
      return following(state, event.steps);
    case 'back': {
      if (state.view !== 'steps') return state;
      const at = event.steps.findIndex((step) => step.key === state.step);
      const previous = event.steps[at - 1];
      return previous ? go(state, previous.key) : state;
    }
    case 'edit':
      return { view: 'steps', step: event.step, backToReview: true };
    case 'submitted':
      return { view: 'done' };
  }
}

/** The fields a step asks for that are required and still empty on the server. */
export const missingFields = (step: OnboardingStep | undefined): OnboardingField[] =>
  (step?.fields ?? []).filter((field) => field.required && isBlank(field));

/** The step that asks for the first of these requirements, with the ones it holds. */
export function stepStillDue(steps: readonly OnboardingStep[], requirements: string[]) {
  const step = steps.find((candidate) =>
    requirements.some((requirement) => stepHolding([candidate], requirement)),
  );
  if (!step) return undefined;
  const fields = requirements.filter((requirement) =>
    step.fields.some((field) => field.key === requirement),
  );
  return { step, fields };
}

/** Typed and not yet saved, by field key. */
export type Edits = Readonly<Record<string, string>>;

const savedValue = (field: OnboardingField) =>
  field.value ?? (field.kind === 'checkbox' ? 'false' : '');

/** What an input shows: the typed value, else the saved one (a masked ID number stays out). */
export const shownValue = (field: OnboardingField, edits: Edits): string =>
  edits[field.key] ?? (field.kind === 'id_number' ? '' : savedValue(field));

/** The values that differ from what is saved; an ID number only when typed anew. */
export function changedValues(fields: readonly OnboardingField[], edits: Edits): OnboardingValue[] {
  return fields.flatMap((field) => {
    const typed = edits[field.key];
    if (typed === undefined) return [];
    if (field.kind === 'id_number')
      return typed.trim() ? [{ key: field.key, value: typed.trim() }] : [];
    const value = field.kind === 'checkbox' ? typed : typed.trim();
    if (value === savedValue(field)) return [];
    return [{ key: field.key, value: value === '' ? null : value }];
  });
}

/** A step's fields, with empty ones for the owners added on this page and not saved yet. */
export function fieldsWithAddedOwners(
  step: OnboardingStep | undefined,
  addedOwners: readonly number[],
): OnboardingField[] {
  const fields = step?.fields ?? [];
  if (step?.key !== 'owners') return fields;
  const present = new Set(fields.map((field) => ownerIndex(field.key)));
  const added = addedOwners.filter((n) => !present.has(n));
  return [...fields, ...added.flatMap((n) => OWNER_PARTS.map((part) => ownerField(n, part)))];
}

/** The index "Add an owner" gives: one past every owner shown. */
export function nextOwnerIndex(
  fields: readonly OnboardingField[],
  addedOwners: readonly number[],
): number {
  const indices = [
    ...fields.map((field) => ownerIndex(field.key)).filter((n) => n !== undefined),
    ...addedOwners,
  ];
  return indices.length ? Math.max(...indices) + 1 : 0;
}

/** The input keys of one owner. */
export const ownerKeys = (n: number) => OWNER_PARTS.map((part) => `owners.${n}.${part.part}`);

/** Owners added and left empty are not kept when the step is left. */
export const ownersWithInput = (addedOwners: readonly number[], edits: Edits) =>
  addedOwners.filter((n) => ownerKeys(n).some((key) => edits[key]));
