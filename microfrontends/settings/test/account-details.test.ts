import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { createDashI18n, setLocale } from '@dash/web-kit';
import AccountDetails from '../src/AccountDetails.vue';
import { messages } from '../src/messages.js';
import { settingsApi, type SettingsDetails } from '../src/settings-api.js';

type Field = SettingsDetails['steps'][number]['fields'][number];
const field = (key: string, value: string | null, kind: Field['kind'] = 'text'): Field => ({
  key,
  kind,
  value,
});

const details = (overrides: Partial<SettingsDetails> = {}): SettingsDetails => ({
  businessType: 'individual',
  detailsSubmitted: true,
  steps: [
    { key: 'business_type', fields: [field('business_type', 'individual', 'select')] },
    {
      key: 'business',
      fields: [
        field('business_profile.url', 'https://jenny.example', 'url'),
        field('business_profile.product_description', null),
      ],
    },
    {
      key: 'representative',
      fields: [
        field('individual.first_name', 'Jenny'),
        field('individual.last_name', 'Rosen'),
        field('individual.dob', '1990-04-12', 'date'),
        field('individual.address.line1', '1 Market St'),
        field('individual.address.city', 'San Francisco'),
        field('individual.id_number', '•••••6789', 'id_number'),
      ],
    },
    { key: 'bank', fields: [] },
    { key: 'review', fields: [] },
  ],
  requirements: { currentlyDue: [], pendingVerification: [], errors: [] },
  ...overrides,
});

let wrapper: ReturnType<typeof mount> | undefined;
async function mountDetails(answer: unknown, props: Record<string, unknown> = {}) {
  const { i18n } = createDashI18n(messages);
  const client = scriptedClient({ SettingsDetails: [answer] });
  wrapper = mount(AccountDetails, {
    props: { api: settingsApi(client), ...props },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

beforeEach(() => setLocale('en'));
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('the details in settings', () => {
  it('shows every answer grouped, the id by its last digits, each group with its edit link', async () => {
    const page = await mountDetails({ onboarding: details() });
    const person = page.get('[data-testid="details-person"]');
    expect(person.get('h3').text()).toBe('Personal details');
    const rows = person.findAll('dt').map((dt, i) => [dt.text(), person.findAll('dd')[i]!.text()]);
    expect(rows).toEqual([
      ['Legal name', 'Jenny Rosen'],
      ['Date of birth', 'April 12, 1990'],
      ['Address', '1 Market St, San Francisco'],
      ['ID number', '•••••6789'],
    ]);
    expect(person.get('.dash-pill').text()).toBe('Verified');
    const edit = person.get('a');
    expect(edit.attributes('href')).toBe('/onboarding?edit=representative');
    expect(edit.attributes('aria-label')).toBe('Edit Personal details');

    const business = page.get('[data-testid="details-business"]');
    expect(business.text()).toContain('What you sell');
    expect(business.text()).toContain('Not provided');
    expect(business.find('.dash-pill').exists()).toBe(false);
  });

  it('says what is being verified, and what needs the account', async () => {
    const page = await mountDetails({
      onboarding: details({
        requirements: {
          currentlyDue: ['individual.id_number'],
          pendingVerification: ['individual.address.line1'],
          errors: [{ requirement: 'individual.id_number' }],
        },
      }),
    });
    const person = page.get('[data-testid="details-person"]');
    expect(person.get('.dash-pill').text()).toBe('Needs attention');
    const statuses = person.findAll('dd').map((dd) => dd.attributes('data-status'));
    expect(statuses).toEqual(['none', 'none', 'pending', 'attention']);
    expect(person.findAll('dd')[2]!.text()).toContain('Pending verification');
  });

  it('says a change just saved is being checked, in Chinese too', async () => {
    setLocale('zh-CN');
    const page = await mountDetails(
      {
        onboarding: details({
          requirements: {
            currentlyDue: [],
            pendingVerification: ['individual.dob', 'individual.id_number'],
            errors: [],
          },
        }),
      },
      { saved: 'representative' },
    );
    const person = page.get('[data-testid="details-person"]');
    expect(person.get('.dash-pill').text()).toBe('审核中');
    expect(person.get('[role="status"]').text()).toBe(
      '您的更改已保存。我们正在核实，通常需要几分钟。',
    );
  });

  it('leads an account not yet set up back into onboarding, without edit links', async () => {
    const page = await mountDetails({ onboarding: details({ detailsSubmitted: false }) });
    expect(page.get('.details__unfinished a').attributes('href')).toBe('/onboarding');
    expect(page.find('[data-testid="details-person"] a').exists()).toBe(false);
    expect(page.find('.dash-pill').exists()).toBe(false);
  });

  it('offers to try again when the details cannot be read', async () => {
    const page = await mountDetails(new Error('down'));
    expect(page.text()).toContain('Your details could not be loaded.');
  });
});
