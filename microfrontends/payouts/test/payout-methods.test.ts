import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  createDashI18n,
  GraphqlRequestError,
  setLocale,
  setSession,
  type GraphqlClient,
} from '@dash/web-kit';
import PayoutsPage from '../src/PayoutsPage.vue';
import { messages } from '../src/messages.js';
import type { PayoutMethod } from '../src/payout-methods-api.js';

const bank: PayoutMethod = {
  id: 'ba_1',
  kind: 'bank_account',
  country: 'US',
  currency: 'usd',
  bankName: 'Simulated Bank',
  brand: null,
  last4: '6789',
  expMonth: null,
  expYear: null,
  defaultForCurrency: true,
  status: 'new',
  failureCode: null,
  failureMessage: null,
  removalBlockedReason: 'CURRENCY_HAS_BALANCE',
};
const card: PayoutMethod = {
  ...bank,
  id: 'card_1',
  kind: 'card',
  bankName: null,
  brand: 'visa',
  last4: '5556',
  expMonth: 12,
  expYear: 2030,
  defaultForCurrency: false,
  removalBlockedReason: null,
};
const euros: PayoutMethod = {
  ...bank,
  id: 'ba_2',
  country: 'DE',
  currency: 'eur',
  last4: '3000',
  status: 'errored',
  failureCode: 'account_closed',
  failureMessage: 'The bank account has been closed.',
  removalBlockedReason: null,
};
const methods = (...list: PayoutMethod[]) => ({ me: { id: 'acct_1', externalAccounts: list } });
const challenge = {
  startPayoutDetailsChange: {
    id: 'lch_1',
    maskedDestination: 'a•••@example.com',
    resendAvailableAt: '2000-01-01T00:00:00.000Z',
  },
};

async function mountPage(client: GraphqlClient, path = '/payouts/methods') {
  window.history.replaceState(null, '', path);
  const { i18n } = createDashI18n(messages);
  const view = mount(PayoutsPage, {
    props: { client },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return view;
}

beforeEach(() => {
  setLocale('en');
  setSession({
    accountId: 'acct_1',
    defaultCurrency: 'usd',
    livemode: false,
    features: {
      closeAccount: false,
      editPublicInfo: true,
      issueRefunds: true,
      editPayoutSchedule: true,
      editBankAccounts: true,
      instantPayouts: true,
      manageDisputes: true,
      reserveTopUps: false,
    },
  });
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('payout methods', () => {
  it('lists them by currency, the default marked and what needs action said with the reason', async () => {
    const view = await mountPage(scriptedClient({ PayoutMethods: [methods(bank, card, euros)] }));
    const groups = view.findAll('.methods__group');
    expect(groups.map((group) => group.attributes('data-testid'))).toEqual([
      'methods-usd',
      'methods-eur',
    ]);
    expect(groups[0]!.get('h2').text()).toBe('USD payouts');
    const usd = view.get('[data-testid="methods-usd"]');
    expect(usd.get('[data-testid="method-6789"]').text()).toContain('Default');
    expect(usd.get('[data-testid="method-5556"]').text()).toContain(
      'Visa •••• 5556Debit card · Expires 12/2030',
    );
    expect(
      usd.get('[data-testid="method-5556"]').find('[data-testid="make-default"]').exists(),
    ).toBe(true);
    const closed = view.get('[data-testid="method-3000"]');
    expect(closed.get('[data-testid="method-action-needed"]').text()).toBe('Action needed');
    expect(closed.text()).toContain(
      'A payout to it was returned: the bank account has been closed. Replace it, or add it again once your bank has fixed it.',
    );
  });

  it('adds a debit card with the code, keeping the code through a refused card number', async () => {
    const client = scriptedClient({
      PayoutMethods: [methods(bank), methods(bank, card)],
      StartPayoutDetailsChange: [challenge],
      AddPayoutMethod: [
        new GraphqlRequestError('credit', 'BAD_USER_INPUT', 'number', {
          reason: 'CARD_NOT_DEBIT',
          funding: 'credit',
        }),
        { addMyExternalAccount: card },
      ],
    });
    const view = await mountPage(client);
    await view.get('[data-testid="add-debit-card"]').trigger('click');
    const dialog = view.get('[data-testid="method-dialog"]');
    expect(dialog.get('[data-testid="test-card-hint"]').text()).toContain('4000 0566 5566 5556');
    await dialog.get('#dash-method-number').setValue('4242 4242 4242 4242');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.text()).toContain('Code sent to a•••@example.com');
    await dialog.get('#dash-method-code').setValue('123 456');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[data-testid="method-problem"]').text()).toBe(
      'This is not a debit card: payouts go to debit cards only.',
    );
    expect(dialog.get('#dash-method-number').attributes('aria-invalid')).toBe('true');

    await dialog.get('#dash-method-number').setValue('4000 0566 5566 5556');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    // The same code: the server refused the card number before using it.
    await dialog.get('#dash-method-code').setValue('123456');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'StartPayoutDetailsChange')).toHaveLength(1);
    expect(client.calls.filter(([name]) => name === 'AddPayoutMethod').at(-1)![1]).toEqual({
      card: {
        number: '4000056655665556',
        expMonth: 12,
        expYear: new Date().getFullYear() + 3,
        country: 'US',
        currency: 'usd',
      },
      bankAccount: null,
      makeDefault: false,
      challenge: 'lch_1',
      code: '123456',
    });
    expect(view.get('[data-testid="methods-done"]').text()).toBe('Added Debit card •••• 5556.');
    expect(view.find('[data-testid="method-5556"]').exists()).toBe(true);
  });

  it('says at once why the default cannot be removed, without sending a code', async () => {
    const client = scriptedClient({ PayoutMethods: [methods(bank, euros)] });
    const view = await mountPage(client);
    await view.get('[data-testid="method-6789"] [data-testid="remove-method"]').trigger('click');
    const dialog = view.get('[data-testid="method-dialog"]');
    expect(dialog.get('[data-testid="method-problem"]').text()).toBe(
      'You have a USD balance, so you need a USD payout method. Add another one before removing this one.',
    );
    expect(dialog.find('[data-testid="method-submit"]').exists()).toBe(false);
    expect(client.calls.map(([name]) => name)).toEqual(['PayoutMethods']);
  });

  it('makes a card the default, restating where payouts will go, and sends a new code when one ran out', async () => {
    const client = scriptedClient({
      PayoutMethods: [methods(bank, card), methods({ ...bank, defaultForCurrency: false }, card)],
      StartPayoutDetailsChange: [challenge, challenge],
      MakeDefaultPayoutMethod: [
        new GraphqlRequestError('ended', 'FAILED_PRECONDITION', undefined, {
          reason: 'CODE_EXPIRED',
        }),
        { setMyDefaultExternalAccount: { ...card, defaultForCurrency: true } },
      ],
    });
    const view = await mountPage(client);
    await view.get('[data-testid="method-5556"] [data-testid="make-default"]').trigger('click');
    const dialog = view.get('[data-testid="method-dialog"]');
    expect(dialog.get('h2').text()).toBe('Make this your default for USD?');
    expect(dialog.get('[data-testid="method-summary"]').text()).toBe(
      'Scheduled USD payouts will go to Visa •••• 5556.',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    await dialog.get('#dash-method-code').setValue('111111');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[data-testid="method-problem"]').text()).toBe(
      'The code has expired. Send another code.',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    await dialog.get('#dash-method-code').setValue('222222');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'StartPayoutDetailsChange')).toHaveLength(2);
    expect(view.get('[data-testid="methods-done"]').text()).toBe(
      'Visa •••• 5556 is now your default for USD.',
    );
  });

  it('is read-only where the platform manages where payouts go', async () => {
    setSession({
      accountId: 'acct_1',
      defaultCurrency: 'usd',
      features: {
        closeAccount: false,
        editPublicInfo: true,
        issueRefunds: true,
        editPayoutSchedule: true,
        editBankAccounts: false,
        instantPayouts: true,
        manageDisputes: true,
        reserveTopUps: false,
      },
    });
    const view = await mountPage(scriptedClient({ PayoutMethods: [methods(bank)] }));
    expect(view.find('[data-testid="add-debit-card"]').exists()).toBe(false);
    expect(view.find('[data-testid="remove-method"]').exists()).toBe(false);
    expect(view.find('[data-testid="methods-managed"]').exists()).toBe(true);
  });

  it('speaks Chinese too', async () => {
    setLocale('zh-CN');
    const view = await mountPage(scriptedClient({ PayoutMethods: [methods(bank, euros)] }));
    expect(view.get('h1').text()).toBe('提现方式');
    expect(view.get('[data-testid="method-3000"]').text()).toContain('需要处理');
  });
});

describe('the next payout on the payouts page', () => {
  it('says its amount and expected arrival, and links to the payout methods', async () => {
    const client = scriptedClient({
      Payouts: [
        { me: { payouts: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } },
      ],
      PayoutForecast: [
        {
          me: {
            id: 'acct_1',
            payoutForecast: [
              {
                currency: 'usd',
                amount: 12_345,
                payoutDate: '2026-12-04',
                arrivalDate: '2026-12-08T00:00:00.000Z',
                destination: {
                  kind: 'bank_account',
                  bankName: 'Simulated Bank',
                  brand: null,
                  last4: '6789',
                },
              },
            ],
          },
        },
      ],
      PayoutMethods: [methods(bank)],
    });
    const view = await mountPage(client, '/payouts');
    expect(view.get('[data-testid="payout-forecast"]').text()).toBe(
      'Next payout: $123.45, expected Tue, Dec 8Sent Fri, Dec 4 to Simulated Bank •••• 6789',
    );
    await view.get('[data-testid="payout-methods-link"]').trigger('click');
    await flushPromises();
    expect(window.location.pathname).toBe('/payouts/methods');
    expect(view.find('[data-testid="payout-methods"]').exists()).toBe(true);
  });
});
