import { describe, expect, it } from 'vitest';
import type { OnboardingField, OnboardingStep } from './onboarding-api.js';
import {
  changedValues,
  fieldsWithAddedOwners,
  initialFlow,
  missingFields,
  nextOwnerIndex,
  ownersWithInput,
  shownValue,
  stepStillDue,
  transition,
  type FlowState,
} from './onboarding-flow.rules.js';
import { field } from '../test/fields.fixture.js';

const step = (key: string, complete: boolean, fields: OnboardingField[] = []): OnboardingStep => ({
  key,
  complete,
  fields,
});

const STEPS = [
  step('business_type', true),
  step('business', false, [field('business_profile.url', 'url')]),
  step('representative', false),
  step('bank', false),
  step('review', false),
];
const at = (key: string, backToReview = false): FlowState => ({
  view: 'steps',
  step: key,
  backToReview,
});

describe('where the onboarding starts', () => {
  it('opens a link first; a signed-in account loads straight away', () => {
    expect(initialFlow(true)).toEqual({ view: 'opening' });
    expect(initialFlow(false)).toEqual({ view: 'loading' });
    expect(transition({ view: 'opening' }, { type: 'load' })).toEqual({ view: 'loading' });
  });

  it('continues at the first step not complete', () => {
    const loaded = transition(initialFlow(false), {
      type: 'loaded',
      steps: STEPS,
      detailsSubmitted: false,
    });
    expect(loaded).toEqual(at('business'));
  });

  it('is done when every step is complete and the details were submitted, or nothing is due', () => {
    const complete = STEPS.map((s) => ({ ...s, complete: true }));
    expect(
      transition({ view: 'loading' }, { type: 'loaded', steps: complete, detailsSubmitted: true }),
    ).toEqual({ view: 'done' });
    expect(
      transition({ view: 'loading' }, { type: 'loaded', steps: [], detailsSubmitted: false }),
    ).toEqual({ view: 'done' });
    // Complete but never submitted: the last step (the review) is where it ends.
    expect(
      transition({ view: 'loading' }, { type: 'loaded', steps: complete, detailsSubmitted: false }),
    ).toEqual(at('review'));
  });

  it('redirects a refused link that can be refreshed, and explains one that cannot', () => {
    expect(
      transition(
        { view: 'opening' },
        { type: 'linkRefused', reason: 'LINK_EXPIRED', refreshUrl: 'https://p.example/r' },
      ),
    ).toEqual({ view: 'redirecting' });
    expect(transition({ view: 'opening' }, { type: 'linkRefused', reason: 'LINK_USED' })).toEqual({
      view: 'refused',
      reason: 'LINK_USED',
    });
    expect(transition({ view: 'loading' }, { type: 'loadFailed', signedOut: true })).toEqual({
      view: 'needs-link',
    });
    expect(transition({ view: 'loading' }, { type: 'loadFailed', signedOut: false })).toEqual({
      view: 'error',
    });
  });
});

describe('editing one part from Settings', () => {
  it('opens the step asked for, even when everything is complete and submitted', () => {
    const done = STEPS.map((candidate) => ({ ...candidate, complete: true }));
    const loaded = { type: 'loaded' as const, steps: done, detailsSubmitted: true };
    expect(transition({ view: 'loading' }, { ...loaded, edit: 'business' })).toEqual(
      at('business'),
    );
    // A step with nothing to edit, or none of that name, opens the flow as usual.
    expect(transition({ view: 'loading' }, { ...loaded, edit: 'bank' })).toEqual({ view: 'done' });
    expect(transition({ view: 'loading' }, { ...loaded, edit: 'nope' })).toEqual({ view: 'done' });
  });
});

describe('moving between steps', () => {
  it('goes to the next step on Continue, and Back to the one before', () => {
    expect(transition(at('business'), { type: 'continue', steps: STEPS })).toEqual(
      at('representative'),
    );
    expect(transition(at('representative'), { type: 'back', steps: STEPS })).toEqual(
      at('business'),
    );
    // Nothing before the first step: Back stays.
    const first = at('business_type');
    expect(transition(first, { type: 'back', steps: STEPS })).toBe(first);
  });

  it('follows the list as a save changes it (a business type brings its own steps)', () => {
    const longer = [STEPS[0]!, step('company', false), ...STEPS.slice(1)];
    expect(transition(at('business_type'), { type: 'continue', steps: longer })).toEqual(
      at('company'),
    );
  });

  it('after the last step goes to one not complete, else is done', () => {
    const lastOpen = [step('a', false), step('b', true)];
    expect(transition(at('b'), { type: 'continue', steps: lastOpen })).toEqual(at('a'));
    const allDone = [step('a', true), step('b', true)];
    expect(transition(at('b'), { type: 'continue', steps: allDone })).toEqual({ view: 'done' });
  });

  it('returns to the review after a step edited from it, and only then', () => {
    const editing = transition(at('review'), { type: 'edit', step: 'business' });
    expect(editing).toEqual(at('business', true));
    // Back keeps the detour; Continue ends it at the review.
    const back = transition(at('representative', true), { type: 'back', steps: STEPS });
    expect(back).toEqual(at('business', true));
    const review = transition(editing, { type: 'continue', steps: STEPS });
    expect(review).toEqual(at('review', false));
    expect(transition(review, { type: 'back', steps: STEPS })).toEqual(at('bank'));
  });

  it('is done once submitted', () => {
    expect(transition(at('review'), { type: 'submitted' })).toEqual({ view: 'done' });
  });
});

describe("a step's fields", () => {
  it('names the required fields still empty', () => {
    const s = step('x', false, [
      field('a'),
      field('b', 'text', { value: 'given' }),
      field('c', 'text', { required: false }),
      field('tos', 'checkbox', { value: 'false' }),
      field('id', 'id_number', { value: '•••6789' }),
    ]);
    expect(missingFields(s).map((f) => f.key)).toEqual(['a', 'tos']);
    expect(missingFields(undefined)).toEqual([]);
  });

  it('finds the step that asks for what is still due, the bank step for an external account', () => {
    expect(stepStillDue(STEPS, ['representative.x', 'business_profile.url'])).toEqual({
      step: STEPS[1],
      fields: ['business_profile.url'],
    });
    expect(stepStillDue(STEPS, ['external_account'])).toEqual({ step: STEPS[3], fields: [] });
    expect(stepStillDue(STEPS, ['nowhere'])).toBeUndefined();
  });

  it('shows what was typed, else what is saved; a masked ID number is never shown', () => {
    const name = field('name', 'text', { value: 'Jenny' });
    const id = field('id', 'id_number', { value: '•••6789' });
    const tos = field('tos', 'checkbox');
    expect([shownValue(name, {}), shownValue(id, {}), shownValue(tos, {})]).toEqual([
      'Jenny',
      '',
      'false',
    ]);
    expect(shownValue(name, { name: 'Jen' })).toBe('Jen');
  });

  it('saves only what changed: trimmed, emptied as null, an ID number only when typed anew', () => {
    const fields = [
      field('same', 'text', { value: 'a' }),
      field('changed', 'text', { value: 'a' }),
      field('emptied', 'text', { value: 'a' }),
      field('id', 'id_number', { value: '•••6789' }),
      field('blank_id', 'id_number'),
      field('tos', 'checkbox'),
      field('untouched'),
    ];
    const edits = {
      same: ' a ',
      changed: ' b ',
      emptied: '  ',
      id: ' 123456789 ',
      blank_id: ' ',
      tos: 'true',
    };
    expect(changedValues(fields, edits)).toEqual([
      { key: 'changed', value: 'b' },
      { key: 'emptied', value: null },
      { key: 'id', value: '123456789' },
      { key: 'tos', value: 'true' },
    ]);
  });

  it('adds owners after the saved ones, and keeps an added one only once something is typed', () => {
    const owners = step('owners', false, [
      field('owners.0.first_name'),
      field('owners.2.first_name'),
    ]);
    expect(nextOwnerIndex(owners.fields, [])).toBe(3);
    expect(nextOwnerIndex([], [])).toBe(0);
    expect(nextOwnerIndex(owners.fields, [3])).toBe(4);
    const shown = fieldsWithAddedOwners(owners, [3]).map((f) => f.key);
    expect(shown).toContain('owners.3.first_name');
    expect(shown).toContain('owners.3.percent_ownership');
    // Other steps have no owners to add.
    expect(fieldsWithAddedOwners(STEPS[1], [3])).toEqual(STEPS[1]!.fields);
    expect(ownersWithInput([3, 4], { 'owners.4.last_name': 'Rosen' })).toEqual([4]);
  });
});
