import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  createDashI18n,
  getBranding,
  GraphqlRequestError,
  setBranding,
  setLocale,
  setSession,
  type GraphqlClient,
} from '@dash/web-kit';
import OnboardingFlow from '../src/OnboardingFlow.vue';
import { messages } from '../src/messages.js';
import type { Onboarding, OnboardingStep } from '../src/onboarding-api.js';
import { field } from './fields.fixture.js';

const RETURN_URL = 'https://rocketrides.example/connect/return';
const REFRESH_URL = 'https://rocketrides.example/connect/refresh';

const owner = (n: number, first: string, last: string) => [
  field(`owners.${n}.first_name`, 'text', { value: first }),
  field(`owners.${n}.last_name`, 'text', { value: last }),
  field(`owners.${n}.dob`, 'date', { value: '1980-02-01' }),
  field(`owners.${n}.percent_ownership`, 'percent', { value: '40' }),
  field(`owners.${n}.email`, 'email', { required: false }),
];

/** A US company part-way through: the business type chosen, the rest to do. */
function steps(): OnboardingStep[] {
  return [
    {
      key: 'business_type',
      complete: true,
      fields: [
        field('business_type', 'select', {
          value: 'company',
          options: ['individual', 'company'],
        }),
      ],
    },
    {
      key: 'business',
      complete: false,
      fields: [
        field('business_profile.url', 'url'),
        field('business_profile.product_description', 'text', { required: false }),
        field('business_profile.support_email', 'email', { required: false }),
      ],
    },
    {
      key: 'representative',
      complete: false,
      fields: [
        field('representative.first_name', 'text', { value: 'Jenny' }),
        field('representative.last_name', 'text', { value: 'Rosen' }),
        field('representative.dob', 'date', { value: '1990-05-04' }),
        field('representative.address.country', 'country', { options: ['US', 'DE'] }),
        field('representative.id_number', 'id_number', {
          value: '•••••6789',
          error: 'The ID number does not match the name.',
          errorCode: 'verification_mismatch',
        }),
        field('representative.email', 'email', { required: false }),
        field('representative.nickname'),
      ],
    },
    {
      key: 'company',
      complete: false,
      fields: [
        field('company.name', 'text', { value: 'Rocket Rides LLC' }),
        field('company.tax_id', 'id_number', { value: '•••••0000' }),
      ],
    },
    {
      key: 'owners',
      complete: false,
      fields: [
        ...owner(0, 'Ada', 'Lovelace'),
        ...owner(1, 'Alan', 'Turing'),
        field('company.owners_provided', 'checkbox', { value: 'false' }),
      ],
    },
    { key: 'bank', complete: false, fields: [] },
    { key: 'review', complete: false, fields: [] },
  ];
}

function onboarding(overrides: Partial<Onboarding> = {}): Onboarding {
  return {
    accountId: 'acct_1',
    country: 'US',
    livemode: false,
    businessType: 'company',
    type: 'account_onboarding',
    returnUrl: RETURN_URL,
    platform: {
      name: 'Rocket Rides',
      brandColor: '#0a7cff',
      iconUrl: null,
      supportEmail: null,
      supportPhone: null,
      supportUrl: null,
    },
    steps: steps(),
    detailsSubmitted: false,
    chargesEnabled: false,
    payoutsEnabled: false,
    requirements: {
      currentlyDue: ['business_profile.url'],
      eventuallyDue: [],
      pastDue: [],
      pendingVerification: [],
      errors: [],
      currentDeadline: null,
      disabledReason: null,
    },
    ...overrides,
  };
}

/** The same onboarding with the steps before `key` complete (and `key` itself not). */
function at(key: string, overrides: Partial<Onboarding> = {}): Onboarding {
  const list = steps();
  const stop = list.findIndex((step) => step.key === key);
  return onboarding({
    steps: list.map((step, i) => ({ ...step, complete: i < stop })),
    ...overrides,
  });
}

/** Changes one step of an onboarding. */
function withStep(base: Onboarding, key: string, change: Partial<OnboardingStep>): Onboarding {
  return {
    ...base,
    steps: base.steps.map((step) => (step.key === key ? { ...step, ...change } : step)),
  };
}

const refused = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphqlRequestError(message, code, undefined, { code, ...extensions });

let wrapper: VueWrapper | undefined;
async function mountFlow(client: GraphqlClient, props: Record<string, unknown> = {}) {
  const { i18n } = createDashI18n(messages);
  const redirect = vi.fn();
  const leave = vi.fn();
  wrapper = mount(OnboardingFlow, {
    props: { client, redirect, leave, pollDelayMs: 0, ...props },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return { flow: wrapper, redirect, leave };
}

const title = (flow: VueWrapper) => flow.get('[data-testid="step-title"]').text();
const input = (flow: VueWrapper, key: string) => flow.get(`[name="${key}"]`);
const labelOf = (flow: VueWrapper, key: string) =>
  flow.get(`label[for="${input(flow, key).attributes('id')}"]`).text();
const button = (flow: VueWrapper, text: string) => {
  const found = flow.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
};
const continueButton = (flow: VueWrapper) => flow.get('[data-testid="continue"]');
const savedValues = (client: ReturnType<typeof scriptedClient>) =>
  client.calls.filter(([name]) => name === 'SaveOnboardingDetails').map(([, vars]) => vars.values);

beforeEach(() => {
  setLocale('en');
  // The flow brands the page's frame; each test starts from an unbranded one.
  setBranding({ platformName: '', brandColor: '#5b4cf0' });
});
afterEach(() => {
  setSession({});
  wrapper?.unmount();
  wrapper = undefined;
  vi.restoreAllMocks();
});

describe('opening the link', () => {
  it('redeems the token, drops it from the address and resumes where the account left off', async () => {
    const replaceState = vi.spyOn(window.history, 'replaceState');
    const client = scriptedClient({
      OpenAccountLink: [{ openAccountLink: { type: 'account_onboarding', returnUrl: RETURN_URL } }],
      Onboarding: [{ onboarding: onboarding() }],
    });
    const { flow, redirect } = await mountFlow(client, { token: 'alt_tok_1' });

    expect(client.calls.map(([name]) => name)).toEqual(['OpenAccountLink', 'Onboarding']);
    expect(client.calls[0]![1]).toEqual({ token: 'alt_tok_1' });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/onboarding');
    expect(redirect).not.toHaveBeenCalled();

    // Co-branded: the platform's name, its initial in its colour, the colour as the accent.
    const brand = flow.get('[data-testid="brand"]');
    expect(brand.text()).toContain('Rocket Rides');
    expect(brand.get('.onb__icon--letter').text()).toBe('R');
    const style = flow.get('[data-testid="onboarding"]').attributes('style') ?? '';
    expect(style).toContain('--dash-accent: #0a7cff');
    expect(flow.get('h1').text()).toBe('Get paid by Rocket Rides');
    // In test mode the page says which test values verify.
    expect(flow.get('[data-testid="test-mode"]').text()).toContain('000000000 passes');
    // The shell's top bar is told too: it cannot ask an onboarding session who this is.
    expect(getBranding()).toEqual({
      platformName: 'Rocket Rides',
      brandColor: '#0a7cff',
      iconUrl: null,
      support: { email: null, phone: null, url: null },
    });

    // The first step not complete (the business type is chosen already), with its progress.
    expect(title(flow)).toBe('Business details');
    const progress = flow.get('[data-testid="progress"]');
    expect(progress.text()).toContain('Step 2 of 7');
    expect(progress.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('2');
    expect(progress.get('[role="status"]').text()).toBe('Step 2 of 7: Business details');
    expect(progress.findAll('li').map((li) => li.text())).toEqual([
      expect.stringContaining('Business type'),
      'Business details',
      'Your details',
      'Company details',
      'Owners',
      'Bank account',
      'Review and submit',
    ]);
    expect(progress.get('[aria-current="step"]').text()).toBe('Business details');
  });

  it('sends an expired link to the platform for a new one, replacing this page', async () => {
    const replaceState = vi.spyOn(window.history, 'replaceState');
    const client = scriptedClient({
      OpenAccountLink: [
        refused('UNAUTHENTICATED', 'This onboarding link has expired.', {
          reason: 'LINK_EXPIRED',
          refreshUrl: REFRESH_URL,
        }),
      ],
    });
    const { redirect } = await mountFlow(client, { token: 'alt_old' });
    expect(redirect).toHaveBeenCalledWith(REFRESH_URL);
    expect(replaceState).not.toHaveBeenCalled();
    expect(client.calls.map(([name]) => name)).toEqual(['OpenAccountLink']);
  });

  it('says a used link is no good when there is no refresh URL to go to', async () => {
    const client = scriptedClient({
      OpenAccountLink: [refused('UNAUTHENTICATED', 'used', { reason: 'LINK_USED' })],
    });
    const { flow, redirect } = await mountFlow(client, { token: 'alt_used' });
    expect(redirect).not.toHaveBeenCalled();
    expect(flow.get('[data-testid="link-refused"]').text()).toBe(
      'This link has already been used. Ask your platform for a new one.',
    );
    expect(flow.find('input').exists()).toBe(false);
  });

  it('asks for a link from the platform when nobody is signed in', async () => {
    const client = scriptedClient({
      Onboarding: [refused('UNAUTHENTICATED', 'Sign in first.')],
    });
    const { flow } = await mountFlow(client);
    expect(flow.get('[data-testid="needs-link"]').text()).toContain(
      'This page needs a link from your platform.',
    );
  });
});

describe('the steps', () => {
  it('renders each field from the server by its kind, with labels and verification errors', async () => {
    const client = scriptedClient({ Onboarding: [{ onboarding: at('representative') }] });
    const { flow } = await mountFlow(client);
    expect(title(flow)).toBe('Your details');
    expect(flow.get('[data-testid="progress"]').text()).toContain('Step 3 of 7');

    expect(labelOf(flow, 'representative.first_name')).toBe('First name');
    expect((input(flow, 'representative.first_name').element as HTMLInputElement).value).toBe(
      'Jenny',
    );
    const dob = input(flow, 'representative.dob');
    expect(dob.attributes('type')).toBe('date');
    expect((dob.element as HTMLInputElement).value).toBe('1990-05-04');
    expect(labelOf(flow, 'representative.email')).toBe('Email optional');
    // A key with no words of its own is still readable.
    expect(labelOf(flow, 'representative.nickname')).toBe('nickname');

    const country = input(flow, 'representative.address.country');
    expect(country.element.tagName).toBe('SELECT');
    expect(country.findAll('option').map((option) => option.text())).toEqual([
      'Choose…',
      'United States',
      'Germany',
    ]);

    // The saved ID number is masked: a placeholder, never the value, with the refusal under it.
    const id = input(flow, 'representative.id_number');
    expect((id.element as HTMLInputElement).value).toBe('');
    expect(id.attributes('placeholder')).toBe('•••••6789');
    expect(id.attributes('aria-invalid')).toBe('true');
    const describedBy = id.attributes('aria-describedby')!.split(' ');
    const texts = describedBy.map((ref) => flow.get(`[id="${ref}"]`).text());
    expect(texts).toContain('The ID number does not match the name.');
    expect(texts).toContain('Saved as •••••6789. Leave it empty to keep it.');

    // Back shows the business type as a choice with words for each option.
    await button(flow, 'Back').trigger('click');
    await button(flow, 'Back').trigger('click');
    expect(title(flow)).toBe('Business type');
    const type = input(flow, 'business_type');
    expect((type.element as HTMLSelectElement).value).toBe('company');
    expect(type.findAll('option').map((option) => option.text())).toEqual([
      'Choose…',
      'Individual or sole proprietor',
      'Company',
    ]);
  });

  it('shows the refused values under their fields, stays on the step, then moves on', async () => {
    const saved = withStep(at('representative'), 'business', {
      complete: true,
      fields: [
        field('business_profile.url', 'url', { value: 'https://rocketrides.example' }),
        field('business_profile.product_description', 'text', {
          required: false,
          value: 'Rides',
        }),
        field('business_profile.support_email', 'email', { required: false }),
      ],
    });
    const client = scriptedClient({
      Onboarding: [{ onboarding: onboarding() }],
      SaveOnboardingDetails: [
        refused('BAD_USER_INPUT', 'Some values were refused.', {
          fieldErrors: [
            { field: 'business_profile.url', code: 'invalid_url', message: 'Enter a URL.' },
            {
              field: 'business_profile.support_email',
              code: 'mailbox_unreachable',
              message: 'That mailbox does not take mail.',
            },
          ],
        }),
        { saveOnboardingDetails: saved },
      ],
    });
    const { flow } = await mountFlow(client);
    expect(title(flow)).toBe('Business details');

    await input(flow, 'business_profile.url').setValue('not a website');
    await input(flow, 'business_profile.product_description').setValue('  Rides  ');
    await input(flow, 'business_profile.support_email').setValue('help@');
    await flow.get('form').trigger('submit');
    await flushPromises();

    expect(savedValues(client)[0]).toEqual([
      { key: 'business_profile.url', value: 'not a website' },
      { key: 'business_profile.product_description', value: 'Rides' },
      { key: 'business_profile.support_email', value: 'help@' },
    ]);
    expect(title(flow)).toBe('Business details');
    expect(flow.get('[data-testid="step-problem"]').text()).toBe('Some details need another look.');

    const url = input(flow, 'business_profile.url');
    expect(url.attributes('aria-invalid')).toBe('true');
    const urlProblem = flow.get(`[id="${url.attributes('aria-describedby')}"]`);
    expect(urlProblem.text()).toBe('Enter the web address of the business, such as example.com.');
    expect(url.element.closest('[data-field]')!.contains(urlProblem.element)).toBe(true);
    // An unknown code falls back to the server's own words.
    const email = input(flow, 'business_profile.support_email');
    expect(flow.get(`[id="${email.attributes('aria-describedby')}"]`).text()).toBe(
      'That mailbox does not take mail.',
    );
    expect(input(flow, 'business_profile.product_description').attributes('aria-invalid')).toBe(
      'false',
    );
    expect(document.activeElement).toBe(url.element);
    // What was typed stays in the inputs.
    expect((url.element as HTMLInputElement).value).toBe('not a website');

    await url.setValue('rocketrides.example');
    await email.setValue('');
    await flow.get('form').trigger('submit');
    await flushPromises();
    expect(savedValues(client)[1]).toEqual([
      { key: 'business_profile.url', value: 'rocketrides.example' },
      { key: 'business_profile.product_description', value: 'Rides' },
    ]);
    expect(title(flow)).toBe('Your details');
    expect(flow.get('[data-testid="progress"]').text()).toContain('Step 3 of 7');
    expect(document.activeElement).toBe(flow.get('[data-testid="step-title"]').element);
  });

  it('does not move on while a required field is empty, and saves nothing unchanged', async () => {
    const client = scriptedClient({ Onboarding: [{ onboarding: onboarding() }] });
    const { flow } = await mountFlow(client);
    await flow.get('form').trigger('submit');
    await flushPromises();
    expect(savedValues(client)).toEqual([]);
    expect(title(flow)).toBe('Business details');
    const url = input(flow, 'business_profile.url');
    expect(url.attributes('aria-invalid')).toBe('true');
    expect(flow.get(`[id="${url.attributes('aria-describedby')}"]`).text()).toBe(
      'This is required.',
    );
  });

  it('removes an owner by clearing its keys and adds one at the next index', async () => {
    const afterRemoval = withStep(at('owners'), 'owners', {
      fields: [
        ...owner(1, 'Alan', 'Turing'),
        field('company.owners_provided', 'checkbox', { value: 'false' }),
      ],
    });
    const afterAdding = withStep(at('bank'), 'owners', {
      complete: true,
      fields: [
        ...owner(1, 'Alan', 'Turing'),
        ...owner(2, 'Grace', 'Hopper'),
        field('company.owners_provided', 'checkbox', { value: 'true' }),
      ],
    });
    const client = scriptedClient({
      Onboarding: [{ onboarding: at('owners') }],
      SaveOnboardingDetails: [
        { saveOnboardingDetails: afterRemoval },
        { saveOnboardingDetails: afterAdding },
      ],
    });
    const { flow } = await mountFlow(client);
    expect(title(flow)).toBe('Owners');
    const groups = flow.findAll('fieldset');
    expect(groups.map((group) => group.get('legend').text())).toEqual(['Owner 1', 'Owner 2']);
    expect(labelOf(flow, 'owners.0.percent_ownership')).toBe('Ownership (%)');
    expect(input(flow, 'owners.0.percent_ownership').attributes('type')).toBe('number');

    await groups[0]!.get('button').trigger('click');
    await flushPromises();
    expect(savedValues(client)[0]).toEqual([
      { key: 'owners.0.first_name', value: null },
      { key: 'owners.0.last_name', value: null },
      { key: 'owners.0.dob', value: null },
      { key: 'owners.0.percent_ownership', value: null },
      { key: 'owners.0.email', value: null },
    ]);
    expect(flow.findAll('fieldset')).toHaveLength(1);
    expect(flow.text()).toContain('Owner removed.');

    await flow.get('[data-testid="add-owner"]').trigger('click');
    const added = flow.get('[data-owner="2"]');
    expect(added.findAll('input').map((i) => i.attributes('name'))).toEqual([
      'owners.2.first_name',
      'owners.2.last_name',
      'owners.2.dob',
      'owners.2.percent_ownership',
      'owners.2.email',
    ]);
    expect(document.activeElement).toBe(input(flow, 'owners.2.first_name').element);
    await input(flow, 'owners.2.first_name').setValue('Grace');
    await input(flow, 'owners.2.last_name').setValue('Hopper');
    await input(flow, 'owners.2.dob').setValue('1906-12-09');
    await input(flow, 'owners.2.percent_ownership').setValue('30');
    await input(flow, 'company.owners_provided').setValue(true);
    await flow.get('form').trigger('submit');
    await flushPromises();
    expect(savedValues(client)[1]).toEqual([
      { key: 'company.owners_provided', value: 'true' },
      { key: 'owners.2.first_name', value: 'Grace' },
      { key: 'owners.2.last_name', value: 'Hopper' },
      { key: 'owners.2.dob', value: '1906-12-09' },
      { key: 'owners.2.percent_ownership', value: '30' },
    ]);
    expect(title(flow)).toBe('Bank account');
  });

  it('adds the bank account, shows a refused number under its field and waits for the step', async () => {
    const bankDone = withStep(at('review'), 'bank', { complete: true });
    const client = scriptedClient({
      Onboarding: [
        { onboarding: at('bank') },
        { onboarding: at('bank') },
        { onboarding: bankDone },
      ],
      AddOnboardingBankAccount: [
        new GraphqlRequestError(
          'Routing number must be 9 digits.',
          'BAD_USER_INPUT',
          'routingNumber',
          {
            code: 'BAD_USER_INPUT',
            field: 'routingNumber',
          },
        ),
        {
          addOnboardingBankAccount: {
            id: 'ba_1',
            bankName: 'Simulated Bank',
            last4: '6789',
            currency: 'usd',
          },
        },
      ],
    });
    const { flow } = await mountFlow(client);
    expect(title(flow)).toBe('Bank account');
    expect(flow.find('[data-testid="continue"]').exists()).toBe(false);

    await flow.get('#onb-bank-accountHolderName').setValue('Rocket Rides LLC');
    await flow.get('#onb-bank-routingNumber').setValue('1100');
    await flow.get('#onb-bank-accountNumber').setValue('000123456789');
    await flow.get('[data-testid="bank-step"] form').trigger('submit');
    await flushPromises();
    const routing = flow.get('#onb-bank-routingNumber');
    expect(routing.attributes('aria-invalid')).toBe('true');
    expect(flow.get(`[id="${routing.attributes('aria-describedby')}"]`).text()).toBe(
      'Check the routing number: a bank would not accept it.',
    );
    expect(document.activeElement).toBe(routing.element);

    await routing.setValue('110000000');
    await flow.get('[data-testid="bank-step"] form').trigger('submit');
    // The step asks again (pollDelayMs apart) until the server sees the account.
    await vi.waitFor(() =>
      expect(flow.get('[data-testid="bank-step"]').text()).toContain('Bank account added'),
    );
    expect(client.calls.filter(([name]) => name === 'AddOnboardingBankAccount').at(-1)).toEqual([
      'AddOnboardingBankAccount',
      {
        input: {
          country: 'US',
          currency: 'usd',
          accountHolderName: 'Rocket Rides LLC',
          routingNumber: '110000000',
          accountNumber: '000123456789',
        },
      },
    ]);
    expect(client.calls.filter(([name]) => name === 'Onboarding')).toHaveLength(3);
    expect(flow.get('[data-testid="bank-step"]').text()).toContain('Simulated Bank •••• 6789');
    await continueButton(flow).trigger('click');
    await flushPromises();
    expect(title(flow)).toBe('Review and submit');
  });
});

describe('review and submit', () => {
  it('summarises, edits, accepts the agreement, submits and returns to the platform', async () => {
    const submitted = onboarding({
      detailsSubmitted: true,
      steps: steps().map((step) => ({ ...step, complete: true })),
      requirements: {
        ...onboarding().requirements,
        currentlyDue: [],
        pendingVerification: ['representative.id_number'],
      },
    });
    const client = scriptedClient({
      Onboarding: [{ onboarding: at('review') }],
      SubmitOnboarding: [{ submitOnboarding: submitted }],
    });
    const { flow, leave } = await mountFlow(client);
    expect(title(flow)).toBe('Review and submit');

    const representative = flow.get('[data-summary="representative"]');
    expect(representative.text()).toContain('First name');
    expect(representative.text()).toContain('Jenny');
    expect(representative.text()).toContain('May 4, 1990');
    expect(representative.text()).toContain('•••••6789');
    expect(flow.get('[data-summary="owners"]').text()).toContain('Owner 2 · First name');
    expect(flow.get('[data-summary="business_type"]').text()).toContain('Company');

    // Edit goes to the step, and Continue comes back to the review.
    await flow.get('[data-summary="company"] button').trigger('click');
    expect(title(flow)).toBe('Company details');
    await flow.get('form').trigger('submit');
    await flushPromises();
    expect(title(flow)).toBe('Review and submit');

    expect(flow.text()).toContain('By continuing you agree to the Connected Account Agreement');
    await flow.get('[data-testid="review-step"]').trigger('submit');
    await flushPromises();
    expect(client.calls.some(([name]) => name === 'SubmitOnboarding')).toBe(false);
    const terms = flow.get('#onb-terms');
    expect(terms.attributes('aria-invalid')).toBe('true');
    expect(flow.text()).toContain('Accept the agreement to submit your details.');
    expect(document.activeElement).toBe(terms.element);

    await terms.setValue(true);
    await flow.get('[data-testid="review-step"]').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'SubmitOnboarding',
      { acceptTermsOfService: true, userAgent: navigator.userAgent },
    ]);

    const done = flow.get('[data-testid="done"]');
    expect(done.text()).toContain('Details submitted');
    expect(done.text()).toContain('We are verifying your details.');
    await done.get('[data-testid="return"]').trigger('click');
    expect(done.get('[data-testid="return"]').text()).toBe('Return to Rocket Rides');
    expect(leave).toHaveBeenCalledWith(RETURN_URL);
  });

  it('goes to the step holding a field still due when submit is refused', async () => {
    const client = scriptedClient({
      Onboarding: [{ onboarding: at('review') }, { onboarding: at('review') }],
      SubmitOnboarding: [
        refused('FAILED_PRECONDITION', 'Some requirements are still due.', {
          reason: 'REQUIREMENTS_DUE',
          fields: ['company.tax_id'],
        }),
      ],
    });
    const { flow } = await mountFlow(client);
    await flow.get('#onb-terms').setValue(true);
    await flow.get('[data-testid="review-step"]').trigger('submit');
    await flushPromises();
    expect(title(flow)).toBe('Company details');
    const taxId = input(flow, 'company.tax_id');
    expect(taxId.attributes('aria-invalid')).toBe('true');
    expect(flow.get(`[id="${taxId.attributes('aria-describedby')!.split(' ')[0]}"]`).text()).toBe(
      'This is required.',
    );
    expect(document.activeElement).toBe(taxId.element);
  });

  it('lists what verification refused with the way back to its step', async () => {
    const refusedDetails = onboarding({
      detailsSubmitted: true,
      steps: steps().map((step) => ({ ...step, complete: step.key !== 'representative' })),
      requirements: {
        ...onboarding().requirements,
        errors: [
          {
            requirement: 'representative.id_number',
            code: 'verification_mismatch',
            reason: 'The ID number does not match the name.',
          },
        ],
      },
    });
    const client = scriptedClient({
      Onboarding: [{ onboarding: at('review') }],
      SubmitOnboarding: [{ submitOnboarding: refusedDetails }],
    });
    const { flow } = await mountFlow(client);
    await flow.get('#onb-terms').setValue(true);
    await flow.get('[data-testid="review-step"]').trigger('submit');
    await flushPromises();
    const errors = flow.get('[data-testid="verification-errors"]');
    expect(errors.text()).toContain('Social Security number or national ID number');
    expect(errors.text()).toContain('The ID number does not match the name.');
    await errors.get('button').trigger('click');
    expect(title(flow)).toBe('Your details');
  });

  it('ends the account link’s session before returning to the platform', async () => {
    const client = scriptedClient({
      OpenAccountLink: [{ openAccountLink: { type: 'account_onboarding', returnUrl: RETURN_URL } }],
      Onboarding: [{ onboarding: onboarding() }],
      SignOut: [{ signOut: true }],
    });
    const { flow, leave } = await mountFlow(client, { token: 'alt_tok_2' });
    await flow.get('[data-testid="save-and-return"]').trigger('click');
    await flushPromises();
    expect(client.calls.map(([name]) => name)).toEqual([
      'OpenAccountLink',
      'Onboarding',
      'SignOut',
    ]);
    expect(leave).toHaveBeenCalledWith(RETURN_URL);
  });

  it('updates a signed-in account: saves before leaving, and leaves for the dashboard home', async () => {
    const update = onboarding({ type: 'account_update', returnUrl: null, livemode: true });
    const client = scriptedClient({
      Onboarding: [{ onboarding: update }],
      SaveOnboardingDetails: [{ saveOnboardingDetails: update }],
    });
    const { flow, leave } = await mountFlow(client);
    expect(flow.get('h1').text()).toBe('Update your details for Rocket Rides');
    expect(flow.find('[data-testid="test-mode"]').exists()).toBe(false);
    await input(flow, 'business_profile.url').setValue('rocketrides.example');
    await flow.get('[data-testid="save-and-return"]').trigger('click');
    await flushPromises();
    expect(savedValues(client)).toEqual([
      [{ key: 'business_profile.url', value: 'rocketrides.example' }],
    ]);
    expect(leave).toHaveBeenCalledWith('/');
  });
});

describe('the bank step of a signed-in dashboard account', () => {
  const bankAccount = {
    id: 'ba_2',
    bankName: 'Simulated Bank',
    last4: '6789',
    currency: 'usd',
  };
  const challenge = {
    id: 'pdc_1',
    maskedDestination: '•••• 4242',
    resendAvailableAt: new Date(0).toISOString(),
  };
  const update = (base: Onboarding) => ({
    ...base,
    type: 'account_update' as const,
    returnUrl: null,
  });
  const fillBank = async (flow: VueWrapper) => {
    await flow.get('#onb-bank-accountHolderName').setValue('Rocket Rides LLC');
    await flow.get('#onb-bank-routingNumber').setValue('110000000');
    await flow.get('#onb-bank-accountNumber').setValue('000123456789');
  };
  const submitBank = async (flow: VueWrapper) => {
    await flow.get('[data-testid="bank-step"] form').trigger('submit');
    await flushPromises();
  };
  const names = (client: ReturnType<typeof scriptedClient>) => client.calls.map(([name]) => name);

  it('sends a code to the account’s own contact and adds the bank account with it', async () => {
    // The shell names the signed-in account; opened from /onboarding, with no link token.
    setSession({ accountId: 'acct_1', displayName: 'Rocket Rides' });
    const bankDone = update(withStep(at('review'), 'bank', { complete: true }));
    const client = scriptedClient({
      Onboarding: [{ onboarding: update(at('bank')) }, { onboarding: bankDone }],
      StartPayoutDetailsChange: [{ startPayoutDetailsChange: challenge }],
      ResendPayoutDetailsCode: [{ resendPayoutDetailsCode: challenge }],
      ChangeBankAccount: [
        refused('BAD_USER_INPUT', 'The code is not right.', {
          field: 'code',
          reason: 'CODE_WRONG',
        }),
        { changeExternalAccount: bankAccount },
      ],
    });
    const { flow } = await mountFlow(client);
    expect(title(flow)).toBe('Bank account');
    // The screen says why, before anything is sent.
    expect(flow.get('[data-testid="bank-why-code"]').text()).toContain(
      'a code goes to your phone (or email) first',
    );
    await fillBank(flow);
    expect(flow.get('[data-testid="bank-add"]').text()).toBe('Send code');
    await submitBank(flow);
    expect(names(client)).toEqual(['Onboarding', 'StartPayoutDetailsChange']);
    const code = flow.get('#onb-bank-code');
    expect(flow.get('label[for="onb-bank-code"]').text()).toBe('Code sent to •••• 4242');
    expect(document.activeElement).toBe(code.element);

    await code.setValue('123 456');
    await submitBank(flow);
    expect(code.attributes('aria-invalid')).toBe('true');
    expect(flow.get(`[id="${code.attributes('aria-describedby')}"]`).text()).toBe(
      'That code is not right.',
    );

    const resendButton = flow.get('[data-testid="bank-resend-code"]');
    expect(resendButton.text()).toBe('Send another code');
    await resendButton.trigger('click');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'ResendPayoutDetailsCode')?.[1]).toEqual({
      challenge: 'pdc_1',
    });
    expect(flow.get('[data-testid="bank-step"]').text()).toContain(
      'A new code was sent to •••• 4242.',
    );
    await flow.get('#onb-bank-code').setValue('654321');
    await submitBank(flow);
    await vi.waitFor(() =>
      expect(flow.get('[data-testid="bank-step"]').text()).toContain('Bank account added'),
    );
    expect(client.calls.filter(([name]) => name === 'ChangeBankAccount').at(-1)).toEqual([
      'ChangeBankAccount',
      {
        bank: {
          country: 'US',
          currency: 'usd',
          accountHolderName: 'Rocket Rides LLC',
          routingNumber: '110000000',
          accountNumber: '000123456789',
        },
        challenge: 'pdc_1',
        code: '654321',
      },
    ]);
    // Never the code-free way: the server would refuse a dashboard session there.
    expect(names(client)).not.toContain('AddOnboardingBankAccount');
    await continueButton(flow).trigger('click');
    await flushPromises();
    expect(title(flow)).toBe('Review and submit');
  });

  it('explains a refusal: a contact changed lately, or the platform manages bank accounts', async () => {
    setSession({ accountId: 'acct_1' });
    // The platform's support contact, as onboarding names it.
    const support = {
      email: 'help@rocketrides.example',
      phone: '+14155550123',
      url: 'javascript:alert(1)',
    };
    const platform = {
      ...onboarding().platform,
      supportEmail: support.email,
      supportPhone: support.phone,
      supportUrl: support.url,
    };
    const client = scriptedClient({
      Onboarding: [{ onboarding: { ...update(at('bank')), platform } }],
      StartPayoutDetailsChange: [
        refused('FAILED_PRECONDITION', 'Contact changed.', { reason: 'RECENT_CONTACT_CHANGE' }),
        refused('FORBIDDEN', 'Not allowed.', { reason: 'FEATURE_DISABLED' }),
      ],
    });
    const { flow } = await mountFlow(client);
    await fillBank(flow);
    await submitBank(flow);
    const alert = () => flow.get('[data-testid="bank-step"] [role="alert"]').text();
    expect(alert()).toBe(
      'Your email or phone changed recently. For your safety, where your payouts go cannot change for 72 hours after that.',
    );
    await submitBank(flow);
    expect(alert()).toBe(
      'Your platform manages where your payouts go: it can add your bank account for you.',
    );
    // How to reach it follows, and a help page that is not a web address is no link.
    expect(getBranding()).toMatchObject({ platformName: 'Rocket Rides', support });
    const contact = flow.get('[data-testid="bank-step"] [data-testid="support-contact"]');
    expect(contact.text()).toBe('Contact Rocket Rides: help@rocketrides.example · +14155550123');
    expect(contact.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
    ]);
    expect(flow.find('#onb-bank-code').exists()).toBe(false);
  });

  it('takes the coded way when the code-free one is refused to a dashboard session', async () => {
    // The shell had not named the account yet: the server's refusal says it is a dashboard one.
    const client = scriptedClient({
      Onboarding: [{ onboarding: update(at('bank')) }],
      AddOnboardingBankAccount: [
        refused('FORBIDDEN', 'Only during onboarding.', { reason: 'ONBOARDING_ONLY' }),
      ],
      StartPayoutDetailsChange: [{ startPayoutDetailsChange: challenge }],
    });
    const { flow } = await mountFlow(client);
    await fillBank(flow);
    await submitBank(flow);
    expect(flow.find('[data-testid="bank-why-code"]').exists()).toBe(true);
    expect(flow.find('[data-testid="bank-step"] [role="alert"]').exists()).toBe(false);
    await submitBank(flow);
    expect(names(client)).toEqual([
      'Onboarding',
      'AddOnboardingBankAccount',
      'StartPayoutDetailsChange',
    ]);
    expect(flow.find('#onb-bank-code').exists()).toBe(true);
  });

  it('keeps the code-free first bank account for an account link, signed in or not', async () => {
    // The same browser may hold a dashboard session: the link's own session is the caller.
    setSession({ accountId: 'acct_1' });
    const bankDone = withStep(at('review'), 'bank', { complete: true });
    const client = scriptedClient({
      OpenAccountLink: [{ openAccountLink: { type: 'account_onboarding', returnUrl: RETURN_URL } }],
      Onboarding: [{ onboarding: at('bank') }, { onboarding: bankDone }],
      AddOnboardingBankAccount: [{ addOnboardingBankAccount: bankAccount }],
    });
    const { flow } = await mountFlow(client, { token: 'alt_tok_1' });
    expect(flow.find('[data-testid="bank-why-code"]').exists()).toBe(false);
    await fillBank(flow);
    expect(flow.get('[data-testid="bank-add"]').text()).toBe('Add bank account');
    await submitBank(flow);
    await vi.waitFor(() =>
      expect(flow.get('[data-testid="bank-step"]').text()).toContain('Bank account added'),
    );
    expect(names(client)).toEqual([
      'OpenAccountLink',
      'Onboarding',
      'AddOnboardingBankAccount',
      'Onboarding',
    ]);
  });

  it('says why a code is needed in zh-CN', async () => {
    setLocale('zh-CN');
    setSession({ accountId: 'acct_1' });
    const client = scriptedClient({
      Onboarding: [{ onboarding: update(at('bank')) }],
      StartPayoutDetailsChange: [
        {
          // Another code may go out only in half a minute: the button counts down.
          startPayoutDetailsChange: {
            ...challenge,
            resendAvailableAt: new Date(Date.now() + 30_000).toISOString(),
          },
        },
      ],
    });
    const { flow } = await mountFlow(client);
    expect(flow.get('[data-testid="bank-why-code"]').text()).toContain('发送验证码');
    await fillBank(flow);
    expect(flow.get('[data-testid="bank-add"]').text()).toBe('发送验证码');
    await submitBank(flow);
    expect(flow.get('label[for="onb-bank-code"]').text()).toBe('发送至 •••• 4242 的验证码');
    const resendButton = flow.get('[data-testid="bank-resend-code"]');
    expect(resendButton.text()).toMatch(/^(30|29) 秒后可重新发送$/);
    expect(resendButton.attributes('disabled')).toBeDefined();
  });
});

describe('in Chinese', () => {
  it('labels the steps, fields and options in zh-CN', async () => {
    setLocale('zh-CN');
    const client = scriptedClient({ Onboarding: [{ onboarding: at('representative') }] });
    const { flow } = await mountFlow(client);
    expect(title(flow)).toBe('您的信息');
    expect(flow.get('[data-testid="progress"]').text()).toContain('第 3 步，共 7 步');
    expect(labelOf(flow, 'representative.first_name')).toBe('名');
    expect(labelOf(flow, 'representative.dob')).toBe('出生日期');
    expect(labelOf(flow, 'representative.email')).toBe('邮箱 选填');
    expect(
      input(flow, 'representative.address.country')
        .findAll('option')
        .map((option) => option.text()),
    ).toContain('美国');
    expect(button(flow, '继续').exists()).toBe(true);
    expect(flow.text()).toContain('保存并稍后返回');
  });
});

describe('changing submitted details from Settings', () => {
  /** A company whose details are all in, as a signed-in account opens it from Settings. */
  const answered = (field: OnboardingStep['fields'][number]) =>
    field.value ?? (field.kind === 'country' ? 'US' : field.kind === 'checkbox' ? 'true' : 'x');
  const submitted = () =>
    onboarding({
      type: 'account_update',
      returnUrl: null,
      detailsSubmitted: true,
      steps: steps().map((step) => ({
        ...step,
        complete: true,
        fields: step.fields.map((field) => ({ ...field, value: answered(field) })),
      })),
    });
  const stepUpRequired = refused('FORBIDDEN', 'Needs the code.', {
    reason: 'STEP_UP_REQUIRED',
    fields: ['representative.address.line1'],
  });
  const challenge = {
    id: 'lch_1',
    maskedDestination: '•••• 42',
    resendAvailableAt: new Date(Date.now() + 30_000).toISOString(),
  };

  it('opens the one part asked for, and Cancel goes back unsaved', async () => {
    setSession({ accountId: 'acct_1' });
    const client = scriptedClient({ Onboarding: [{ onboarding: submitted() }] });
    const { flow, leave } = await mountFlow(client, { edit: 'representative' });
    expect(title(flow)).toBe('Your details');
    expect(flow.find('[data-testid="progress"]').exists()).toBe(false);
    expect(flow.find('[data-testid="save-and-return"]').exists()).toBe(false);
    expect(continueButton(flow).text()).toBe('Save');
    await input(flow, 'representative.first_name').setValue('Jen');
    await button(flow, 'Cancel').trigger('click');
    expect(leave).toHaveBeenCalledWith('/settings');
    expect(savedValues(client)).toEqual([]);
  });

  it('asks for the code an identity change needs, saves with it and returns to Settings', async () => {
    setSession({ accountId: 'acct_1' });
    const client = scriptedClient({
      Onboarding: [{ onboarding: submitted() }],
      SaveOnboardingDetails: [
        stepUpRequired,
        refused('BAD_USER_INPUT', 'That code is not right.', {
          reason: 'CODE_WRONG',
          field: 'code',
          attemptsLeft: 4,
        }),
        { saveOnboardingDetails: submitted() },
      ],
      StartAccountDetailsChange: [{ startAccountDetailsChange: challenge }],
    });
    const { flow, leave } = await mountFlow(client, { edit: 'representative' });
    await input(flow, 'representative.first_name').setValue('Jen');
    await flow.get('form').trigger('submit');
    await flushPromises();

    // Nothing is saved yet: the code goes to the account's own contact first.
    const panel = flow.get('[data-testid="details-code"]');
    expect(panel.text()).toContain('a code goes to your phone (or email)');
    expect(flow.find('[data-testid="continue"]').exists()).toBe(false);
    await flow.get('[data-testid="details-code-confirm"]').trigger('submit');
    await flushPromises();
    expect(flow.get('[data-testid="details-code"]').text()).toContain('Code sent to •••• 42');

    const code = flow.get('#onb-details-code');
    expect(code.attributes('autocomplete')).toBe('one-time-code');
    await code.setValue('123 456');
    await flow.get('[data-testid="details-code"]').trigger('submit');
    await flushPromises();
    expect(flow.get('[data-testid="details-code"]').text()).toContain('That code is not right.');
    expect(flow.get('#onb-details-code').attributes('aria-invalid')).toBe('true');
    expect(leave).not.toHaveBeenCalled();

    await flow.get('#onb-details-code').setValue('654321');
    await flow.get('[data-testid="details-code"]').trigger('submit');
    await flushPromises();
    const saves = client.calls.filter(([name]) => name === 'SaveOnboardingDetails');
    expect(saves.map(([, vars]) => [vars.challenge, vars.code])).toEqual([
      [null, null],
      ['lch_1', '123456'],
      ['lch_1', '654321'],
    ]);
    expect(savedValues(client)).toEqual(
      Array.from({ length: 3 }, () => [{ key: 'representative.first_name', value: 'Jen' }]),
    );
    expect(leave).toHaveBeenCalledWith('/settings?saved=representative');
  });

  it('puts a refused value back under its field, and keeps the right code for the next save', async () => {
    setSession({ accountId: 'acct_1' });
    const client = scriptedClient({
      Onboarding: [{ onboarding: submitted() }],
      SaveOnboardingDetails: [
        stepUpRequired,
        refused('BAD_USER_INPUT', 'Enter a date as YYYY-MM-DD.', {
          field: 'representative.dob',
          fieldErrors: [
            { field: 'representative.dob', code: 'invalid_date', message: 'Enter a date.' },
          ],
        }),
        { saveOnboardingDetails: submitted() },
      ],
      StartAccountDetailsChange: [{ startAccountDetailsChange: challenge }],
    });
    const { flow, leave } = await mountFlow(client, { edit: 'representative' });
    await input(flow, 'representative.dob').setValue('1990-02-30');
    await flow.get('form').trigger('submit');
    await flushPromises();
    await flow.get('[data-testid="details-code"]').trigger('submit');
    await flushPromises();
    await flow.get('#onb-details-code').setValue('123456');
    await flow.get('[data-testid="details-code"]').trigger('submit');
    await flushPromises();
    expect(flow.find('[data-testid="details-code"]').exists()).toBe(false);
    expect(input(flow, 'representative.dob').attributes('aria-invalid')).toBe('true');

    await input(flow, 'representative.dob').setValue('1990-03-01');
    await flow.get('form').trigger('submit');
    await flushPromises();
    const last = client.calls.filter(([name]) => name === 'SaveOnboardingDetails').at(-1)!;
    expect([last[1].challenge, last[1].code]).toEqual(['lch_1', '123456']);
    expect(leave).toHaveBeenCalledWith('/settings?saved=representative');
  });
});
