import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { createDashI18n, GraphqlRequestError, setLocale, type GraphqlClient } from '@dash/web-kit';
import TaxPage from '../src/TaxPage.vue';
import { messages } from '../src/messages.js';
import type { TaxFormRow, TaxInformation } from '../src/tax-api.js';

const blank: TaxInformation = {
  tinType: 'ssn',
  maskedTin: null,
  legalName: 'Jenny Rosen',
  address: {
    line1: '510 Townsend St',
    line2: null,
    city: 'San Francisco',
    state: 'CA',
    postalCode: '94103',
  },
  prefilled: true,
  certifiedAt: null,
  certifiedName: null,
  edeliveryConsent: false,
  edeliveryConsentedAt: null,
  edeliveryWithdrawnAt: null,
};
const certified: TaxInformation = {
  ...blank,
  maskedTin: '•••-••-6789',
  prefilled: false,
  certifiedAt: '2026-12-01T10:00:00.000Z',
  certifiedName: 'Jenny Rosen',
};
const account = (info: TaxInformation | null, country = 'US') => ({
  me: { id: 'acct_1', country, platform: { name: 'Rocket Rides' }, taxInformation: info },
});
const form = (overrides: Partial<TaxFormRow> = {}): TaxFormRow => ({
  id: 'taxform_1',
  year: 2026,
  type: 'us_1099_k',
  version: 1,
  corrected: false,
  status: 'available',
  amount: 2_010_000,
  currency: 'usd',
  createdAt: '2027-01-20T10:00:00.000Z',
  downloadPath: '/exports/tax-form.pdf?form=taxform_1',
  ...overrides,
});
const formsPage = (nodes: TaxFormRow[]) => ({
  me: { id: 'acct_1', taxForms: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } },
});

async function mountPage(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  const view = mount(TaxPage, { props: { client }, global: { plugins: [i18n] } });
  await flushPromises();
  return view;
}

const button = (view: Awaited<ReturnType<typeof mountPage>>, text: string) =>
  view.findAll('button').find((candidate) => candidate.text() === text)!;

beforeEach(() => setLocale('en'));

describe('tax forms page', () => {
  it('lists each form with its status and a PDF to download', async () => {
    const view = await mountPage(
      scriptedClient({
        TaxAccount: [account(certified)],
        TaxForms: [
          formsPage([
            form({
              id: 'taxform_2',
              version: 2,
              corrected: true,
              downloadPath: '/exports/tax-form.pdf?form=taxform_2',
            }),
            form({ status: 'superseded' }),
          ]),
        ],
      }),
    );
    const rows = view.findAll('[data-testid="tax-forms"] li');
    expect(rows.map((row) => row.text())).toEqual([
      expect.stringMatching(/2026 Form 1099-K.*Corrected.*Available.*\$20,100\.00/),
      expect.stringMatching(/2026 Form 1099-K.*Replaced/),
    ]);
    // Full addresses: the shell routes clicks on site-relative links itself.
    expect(rows.map((row) => row.get('a').attributes('href'))).toEqual([
      `${window.location.origin}/exports/tax-form.pdf?form=taxform_2`,
      `${window.location.origin}/exports/tax-form.pdf?form=taxform_1`,
    ]);
    expect(view.get('[data-testid="masked-tin"]').text()).toContain('•••-••-6789');
  });

  it('says what will appear when there is no form yet, in Chinese too', async () => {
    setLocale('zh-CN');
    const view = await mountPage(
      scriptedClient({ TaxAccount: [account(blank)], TaxForms: [formsPage([])] }),
    );
    expect(view.get('[data-testid="tax-forms-empty"]').text()).toContain('暂无税表');
    expect(view.get('[data-testid="tax-information"]').text()).toContain('尚未填写');
  });

  it('explains to an account outside the US that there is nothing for it', async () => {
    const view = await mountPage(scriptedClient({ TaxAccount: [account(null, 'GB')] }));
    expect(view.get('[data-testid="tax-not-us"]').text()).toMatch(
      /Your account is in United Kingdom, so Rocket Rides issues none/,
    );
    expect(view.find('[data-testid="tax-forms"]').exists()).toBe(false);
  });

  it('offers a retry when the page could not be loaded', async () => {
    const view = await mountPage(
      scriptedClient({
        TaxAccount: [new Error('down'), account(blank)],
        TaxForms: [formsPage([])],
      }),
    );
    expect(view.text()).toContain('could not be loaded');
    await button(view, 'Try again').trigger('click');
    await flushPromises();
    expect(view.find('[data-testid="tax-information"]').exists()).toBe(true);
  });
});

describe('entering the W-9', () => {
  it('starts from onboarding, sends the code, and saves the certified form with it', async () => {
    const client = scriptedClient({
      TaxAccount: [account(blank)],
      TaxForms: [formsPage([])],
      StartTaxInformationChange: [
        {
          startTaxInformationChange: {
            id: 'lch_1',
            maskedDestination: '•••• 42',
            resendAvailableAt: '2000-01-01T00:00:00.000Z',
          },
        },
      ],
      SaveTaxInformation: [
        new GraphqlRequestError('bad zip', 'BAD_USER_INPUT', 'address.postalCode'),
        { saveTaxInformation: certified },
      ],
    });
    const view = await mountPage(client);
    await button(view, 'Enter tax information').trigger('click');
    expect((view.get('#tax-name').element as HTMLInputElement).value).toBe('Jenny Rosen');
    expect(view.text()).toContain('come from your account details');

    await view.get('#tax-tin').setValue('123-45-678');
    await view.get('form').trigger('submit');
    expect(view.get('[role="alert"]').text()).toBe('A taxpayer ID has nine digits.');
    expect(client.calls.map(([name]) => name)).not.toContain('StartTaxInformationChange');

    await view.get('#tax-tin').setValue('123-45-6789');
    await view.get('#tax-certify').setValue(true);
    await view.get('#tax-signature').setValue('Jenny Rosen');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(view.text()).toContain('Code sent to •••• 42');
    await view.get('#tax-code').setValue('123 456');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toBe('Check the ZIP code.');
    expect(view.get('#tax-zip').attributes('aria-invalid')).toBe('true');

    await view.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'SaveTaxInformation').at(-1)).toEqual([
      'SaveTaxInformation',
      {
        input: {
          tinType: 'ssn',
          tin: '123456789',
          legalName: 'Jenny Rosen',
          address: {
            line1: '510 Townsend St',
            line2: null,
            city: 'San Francisco',
            state: 'CA',
            postalCode: '94103',
          },
          certify: true,
          signatureName: 'Jenny Rosen',
        },
        challenge: 'lch_1',
        code: '123456',
      },
    ]);
    expect(view.get('[data-testid="tax-information"] [role="status"]').text()).toBe(
      'Your tax information was saved.',
    );
    expect(view.get('[data-testid="masked-tin"]').text()).toContain('•••-••-6789');
  });

  it('asks for a new code once the code request has ended', async () => {
    const view = await mountPage(
      scriptedClient({
        TaxAccount: [account(certified)],
        TaxForms: [formsPage([])],
        StartTaxInformationChange: [
          {
            startTaxInformationChange: {
              id: 'lch_1',
              maskedDestination: 'j•••@example.com',
              resendAvailableAt: '2000-01-01T00:00:00.000Z',
            },
          },
        ],
        SaveTaxInformation: [
          new GraphqlRequestError('ended', 'FAILED_PRECONDITION', undefined, {
            reason: 'CODE_EXPIRED',
          }),
        ],
      }),
    );
    await button(view, 'Change tax information').trigger('click');
    await view.get('#tax-tin').setValue('123456789');
    await view.get('form').trigger('submit');
    await flushPromises();
    await view.get('#tax-code').setValue('000000');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toBe('This code has expired. Send a new one.');
    expect(view.find('#tax-code').exists()).toBe(false);
    expect(button(view, 'Send code').exists()).toBe(true);
  });
});

describe('electronic delivery', () => {
  it('gives and withdraws the consent, saying when it was given', async () => {
    const consented = {
      ...certified,
      edeliveryConsent: true,
      edeliveryConsentedAt: '2026-12-02T10:00:00.000Z',
    };
    const client = scriptedClient({
      TaxAccount: [account(certified)],
      TaxForms: [formsPage([])],
      SetTaxFormDeliveryConsent: [
        { setTaxFormDeliveryConsent: consented },
        {
          setTaxFormDeliveryConsent: {
            ...consented,
            edeliveryConsent: false,
            edeliveryWithdrawnAt: '2026-12-03T10:00:00.000Z',
          },
        },
      ],
    });
    const view = await mountPage(client);
    const delivery = () => view.get('[data-testid="tax-delivery"]');
    expect(delivery().text()).toContain('Rocket Rides mails your tax forms to you.');
    await button(view, 'Get my tax forms electronically').trigger('click');
    await flushPromises();
    expect(delivery().text()).toContain('electronically (since Dec 2, 2026)');
    await button(view, 'Withdraw consent').trigger('click');
    await flushPromises();
    expect(delivery().text()).toContain('your next forms come by mail');
    expect(client.calls.filter(([name]) => name === 'SetTaxFormDeliveryConsent')).toEqual([
      ['SetTaxFormDeliveryConsent', { consent: true }],
      ['SetTaxFormDeliveryConsent', { consent: false }],
    ]);
  });
});
