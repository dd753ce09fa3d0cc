import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  announce,
  createDashI18n,
  getSession,
  GraphqlRequestError,
  setBranding,
  setLocale,
  setSession,
  type GraphqlClient,
} from '@dash/web-kit';
import BalanceCard from '../src/BalanceCard.vue';
import { messages } from '../src/messages.js';
import type { BalanceCardData } from '../src/balance-query.js';

const allowed = (allow: boolean) => ({
  closeAccount: allow,
  editPublicInfo: allow,
  issueRefunds: allow,
  editPayoutSchedule: allow,
  editBankAccounts: allow,
  instantPayouts: allow,
  manageDisputes: allow,
  reserveTopUps: allow,
});
/** What the shell's frame publishes before any micro-frontend mounts. */
const shellSession = { accountId: 'acct_1', defaultCurrency: 'usd', features: allowed(true) };

type Me = BalanceCardData['me'];
const me: Me = {
  id: 'acct_1',
  balances: [
    {
      currency: 'jpy',
      available: 48_000,
      pending: 0,
      reserve: 0,
      total: 48_000,
      availableSoon: [],
      reserveHeld: 0,
      negativeSince: null,
      recoveryScheduledFor: null,
      negativeCauses: [],
    },
    {
      currency: 'usd',
      available: 123_456,
      pending: 2_500,
      reserve: 1_000,
      total: 126_956,
      reserveHeld: 0,
      negativeSince: null,
      recoveryScheduledFor: null,
      negativeCauses: [],
      availableSoon: [
        { availableOn: '2026-11-26T00:00:00.000Z', amount: 1_500 },
        { availableOn: '2026-11-27T00:00:00.000Z', amount: 1_000 },
      ],
    },
  ],
  payoutsInTransit: [{ currency: 'usd', amount: 40_000 }],
  recoveryDebits: [],
  nextPayout: {
    id: 'po_1',
    amount: 40_000,
    currency: 'usd',
    status: 'in_transit',
    arrivalDate: '2026-11-26T12:00:00.000Z',
  },
  payoutSchedule: {
    interval: 'weekly',
    weeklyAnchor: 'friday',
    monthlyAnchor: null,
    nextPayoutDate: '2026-11-27',
  },
  payoutForecast: [
    {
      currency: 'usd',
      amount: 12_345,
      payoutDate: '2026-12-04',
      arrivalDate: '2026-12-08T00:00:00.000Z',
    },
  ],
  externalAccounts: [
    {
      id: 'ba_1',
      kind: 'bank_account',
      bankName: 'Simulated Bank',
      brand: null,
      last4: '6789',
      country: 'US',
      currency: 'usd',
      defaultForCurrency: true,
      status: 'new',
      failureCode: null,
      failureMessage: null,
    },
    {
      id: 'card_1',
      kind: 'card',
      bankName: null,
      brand: 'visa',
      last4: '5556',
      country: 'US',
      currency: 'usd',
      defaultForCurrency: false,
      status: 'new',
      failureCode: null,
      failureMessage: null,
    },
  ],
  instantPayoutPricing: { percentBps: 100, minimum: 50 },
};
const answer = (overrides: Partial<Me> = {}) => ({ me: { ...me, ...overrides } });

/** The server's quote, as the payouts subgraph prices it (the dialog prices nothing itself). */
const quote = (amount: number, method: 'standard' | 'instant' = 'standard') => {
  const destination = me.externalAccounts[method === 'instant' ? 1 : 0]!;
  return {
    payoutQuote: {
      amount,
      fee: method === 'instant' ? 100 : 0,
      method,
      arrivalDate: '2026-11-27T00:00:00.000Z',
      destination: {
        id: destination.id,
        kind: destination.kind,
        bankName: destination.bankName,
        brand: destination.brand,
        last4: destination.last4,
      },
    },
  };
};

async function mountCard(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  const card = mount(BalanceCard, {
    props: { client },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return card;
}

beforeEach(() => {
  setLocale('en');
  setSession(shellSession);
  setBranding({ platformName: 'Rocket Rides', brandColor: '#0a7d4f' });
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

describe('balance card', () => {
  it('shows each currency with the account currency first, money on the way and the schedule', async () => {
    const card = await mountCard(scriptedClient({ BalanceCard: [answer()] }));
    const currencies = card.findAll('.balance__currency');
    expect(currencies.map((c) => c.attributes('data-testid'))).toEqual([
      'balance-usd',
      'balance-jpy',
    ]);
    expect(card.get('[data-testid="balance-usd"] [data-testid="balance-total"]').text()).toBe(
      '$1,269.56',
    );
    expect(card.get('[data-testid="balance-jpy"] [data-testid="balance-total"]').text()).toBe(
      '¥48,000',
    );
    expect(card.get('[data-testid="balance-usd"]').text()).toContain(
      'Reserved for refunds and disputes',
    );
    expect(card.get('[data-testid="balance-jpy"]').text()).not.toContain('Reserved');
    expect(card.get('[data-testid="balance-usd"] [data-testid="in-transit"]').text()).toBe(
      'On the way to your bank$400.00',
    );
    const soon = card
      .get('[data-testid="available-soon"]')
      .findAll('li')
      .map((li) => li.text());
    expect(soon).toEqual(['Nov 26, 2026$15.00', 'Nov 27, 2026$10.00']);
    expect(card.get('[data-testid="next-payout"]').text()).toContain('Expected Nov 26, 2026');
    expect(card.get('[data-testid="schedule-line"]').text()).toBe(
      'Paid out every Friday · next on Nov 27, 2026',
    );
    expect(card.text()).toContain('Paid to Simulated Bank •••• 6789');
    // Only a currency with a bank account to pay to offers "pay out now".
    expect(card.find('[data-testid="pay-out-usd"]').exists()).toBe(true);
    expect(card.find('[data-testid="pay-out-jpy"]').exists()).toBe(false);
  });

  it('says what the next scheduled payout will be and when it should arrive', async () => {
    const card = await mountCard(scriptedClient({ BalanceCard: [answer()] }));
    expect(card.get('[data-testid="balance-forecast"]').text()).toBe(
      'Next payout: $123.45, expected Tue, Dec 8',
    );
    expect(card.get('[data-testid="payout-methods-link"]').attributes('href')).toBe(
      '/payouts/methods',
    );
    setLocale('zh-CN');
    await flushPromises();
    expect(card.get('[data-testid="balance-forecast"]').text()).toContain('US$123.45');
  });

  it('says a payout method needs action, with the reason from the bank', async () => {
    const closed = {
      ...me.externalAccounts[0]!,
      status: 'errored',
      failureCode: 'account_closed',
      failureMessage: 'The bank account has been closed.',
    };
    const card = await mountCard(
      scriptedClient({
        BalanceCard: [answer({ externalAccounts: [closed, me.externalAccounts[1]!] })],
      }),
    );
    expect(card.findAll('[data-testid="action-needed"]')).toHaveLength(1);
    expect(card.get('[data-testid="action-needed"]').text()).toBe(
      'Action needed: Simulated Bank •••• 6789A payout to it was returned: the bank account has been closed. Replace it, or add it again once your bank has fixed it.',
    );
  });

  it('follows a payout or a payout method changed elsewhere', async () => {
    const client = scriptedClient({
      BalanceCard: [answer(), answer({ payoutForecast: [] })],
    });
    const card = await mountCard(client);
    announce('dash:payouts-changed');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'BalanceCard')).toHaveLength(2);
    expect(card.find('[data-testid="balance-forecast"]').exists()).toBe(false);
  });

  it('switches language without reloading', async () => {
    const client = scriptedClient({ BalanceCard: [answer()] });
    const card = await mountCard(client);
    setLocale('zh-CN');
    await flushPromises();
    expect(card.text()).toContain('即将到账');
    expect(card.text()).toContain('每星期五自动提现');
    expect(card.get('[data-testid="balance-usd"] [data-testid="balance-total"]').text()).toBe(
      'US$1,269.56',
    );
    expect(client.calls).toHaveLength(1);
  });

  it('explains an empty balance', async () => {
    const card = await mountCard(
      scriptedClient({ BalanceCard: [answer({ balances: [], nextPayout: null })] }),
    );
    expect(card.text()).toContain('Your balance appears here after your first payment.');
  });

  it('offers a retry after an error, and recovers', async () => {
    const client = scriptedClient({
      BalanceCard: [new GraphqlRequestError('down', 'NETWORK_ERROR'), answer()],
    });
    const card = await mountCard(client);
    expect(card.get('[role="alert"]').text()).toContain('could not be loaded');
    await card.get('button').trigger('click');
    await flushPromises();
    expect(card.find('[role="alert"]').exists()).toBe(false);
  });

  it('asks only for its own figures in the shell, and for the session too when alone', async () => {
    const inShell = scriptedClient({ BalanceCard: [answer()] });
    await mountCard(inShell);
    expect(inShell.calls.map(([name]) => name)).toEqual(['BalanceCard']);

    setSession({});
    const alone = scriptedClient({
      BalanceCard: [answer()],
      Session: [
        {
          me: {
            id: 'acct_1',
            displayName: 'Jenny Rosen',
            defaultCurrency: 'jpy',
            livemode: false,
            unreadActivityCount: 0,
            platform: { name: 'Rocket Rides', brandColor: '#0a7f5a', features: allowed(true) },
          },
        },
      ],
    });
    const card = await mountCard(alone);
    expect(alone.calls.map(([name]) => name).sort()).toEqual(['BalanceCard', 'Session']);
    expect(getSession().defaultCurrency).toBe('jpy');
    // The account's own currency first.
    expect(card.findAll('.balance__currency').map((row) => row.attributes('data-testid'))).toEqual([
      'balance-jpy',
      'balance-usd',
    ]);
  });

  it('hides what the platform does not allow', async () => {
    setSession({ ...shellSession, features: allowed(false) });
    const card = await mountCard(scriptedClient({ BalanceCard: [answer()] }));
    expect(card.find('[data-testid="change-schedule"]').exists()).toBe(false);
    expect(card.find('[data-testid="change-bank"]').exists()).toBe(false);
    expect(card.find('[data-testid="top-up"]').exists()).toBe(false);
    await card.get('[data-testid="pay-out-usd"]').trigger('click');
    await flushPromises();
    expect(card.find('[data-testid="instant"]').exists()).toBe(false);
  });
});

describe('pay out now', () => {
  it('pays out with one key per amount and speed, and explains a refusal', async () => {
    const client = scriptedClient({
      BalanceCard: [answer(), answer({ payoutsInTransit: [{ currency: 'usd', amount: 65_000 }] })],
      PayoutQuote: [quote(123_456), quote(25_000)],
      PayOut: [
        new GraphqlRequestError('down', 'NETWORK_ERROR'),
        new GraphqlRequestError('short', 'FAILED_PRECONDITION', 'amount', {
          reason: 'INSUFFICIENT_FUNDS',
        }),
        { payOut: { id: 'po_2', arrivalDate: '2026-11-27T00:00:00.000Z' } },
      ],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="pay-out-usd"]').trigger('click');
    await flushPromises();
    const dialog = card.get('[data-testid="payout-dialog"]');
    expect((dialog.get('input').element as HTMLInputElement).value).toBe('1234.56');
    await dialog.get('input').setValue('250');
    await flushPromises();
    expect(dialog.get('[data-testid="payout-consequence"]').text()).toBe(
      '$250.00 goes to Simulated Bank •••• 6789, usually within 2 business days.',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe('The payout did not go through. Try again.');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe(
      'That is more than is available: at most $1,234.56.',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    const calls = client.calls.filter(([name]) => name === 'PayOut');
    expect(calls[0]![1]).toMatchObject({
      input: { amount: 25_000, currency: 'usd', method: 'standard' },
    });
    // Retries of the same payout keep its key: the server pays out once whatever happened.
    expect(new Set(calls.map(([, variables]) => variables.key)).size).toBe(1);
    expect(card.get('[role="status"]').text()).toContain('Payout started');
    expect(card.get('[data-testid="in-transit"]').text()).toContain('$650.00');
  });

  it('offers instant payouts to the debit card and states the fee', async () => {
    const client = scriptedClient({
      BalanceCard: [answer(), answer()],
      PayoutQuote: [quote(123_456), quote(10_000), quote(10_000, 'instant')],
      PayOut: [{ payOut: { id: 'po_3', arrivalDate: '2026-11-25T00:00:00.000Z' } }],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="pay-out-usd"]').trigger('click');
    await flushPromises();
    const dialog = card.get('[data-testid="payout-dialog"]');
    await dialog.get('input').setValue('100');
    await flushPromises();
    await dialog.get('[data-testid="instant"]').setValue(true);
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'PayoutQuote').at(-1)![1]).toEqual({
      amount: 10_000,
      currency: 'usd',
      method: 'instant',
    });
    expect(dialog.get('[data-testid="payout-consequence"]').text()).toBe(
      '$100.00 goes to Visa •••• 5556 within minutes. The fee of $1.00 comes from your balance too.',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'PayOut')![1]).toMatchObject({
      input: { amount: 10_000, method: 'instant' },
    });
  });
});

describe('payout settings', () => {
  it('says how to reach the platform when it keeps the schedule to itself', async () => {
    setBranding({
      platformName: 'Rocket Rides',
      brandColor: '#0a7d4f',
      support: {
        email: 'help@rocketrides.example',
        phone: '+14155550123',
        url: 'javascript:alert(1)',
      },
    });
    const client = scriptedClient({
      BalanceCard: [answer()],
      UpdatePayoutSchedule: [
        new GraphqlRequestError('off', 'FORBIDDEN', undefined, { reason: 'FEATURE_DISABLED' }),
      ],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="change-schedule"]').trigger('click');
    const dialog = card.get('[data-testid="schedule-dialog"]');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe('Your platform sets your payout schedule.');
    const contact = dialog.get('[data-testid="support-contact"]');
    expect(contact.text()).toBe('Contact Rocket Rides: help@rocketrides.example · +14155550123');
    // The script is not a link, nor shown.
    expect(contact.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
    ]);
  });

  it('says how to reach the platform when it manages the bank account, or where to find it', async () => {
    const client = scriptedClient({
      BalanceCard: [answer()],
      StartPayoutDetailsChange: [
        new GraphqlRequestError('off', 'FORBIDDEN', undefined, { reason: 'FEATURE_DISABLED' }),
      ],
    });
    setLocale('zh-CN');
    const card = await mountCard(client);
    await card.get('[data-testid="change-bank"]').trigger('click');
    const dialog = card.get('[data-testid="bank-dialog"]');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe('您的提现账户由平台管理。');
    expect(dialog.get('[data-testid="support-contact"]').text()).toBe(
      'Rocket Rides 为您的账户提供支持：请通过您注册的地方联系他们。',
    );
  });

  it('switches to manual payouts', async () => {
    const client = scriptedClient({
      BalanceCard: [
        answer(),
        answer({
          payoutSchedule: { ...me.payoutSchedule!, interval: 'manual', nextPayoutDate: null },
        }),
      ],
      UpdatePayoutSchedule: [{ updateMyPayoutSchedule: { interval: 'manual' } }],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="change-schedule"]').trigger('click');
    const dialog = card.get('[data-testid="schedule-dialog"]');
    await dialog.get('select').setValue('manual');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'UpdatePayoutSchedule')![1]).toEqual({
      input: { interval: 'manual' },
    });
    expect(card.get('[data-testid="schedule-line"]').text()).toBe('Paid out when you ask');
  });

  it('changes the bank account with the code, naming a field the bank would refuse', async () => {
    const client = scriptedClient({
      BalanceCard: [answer(), answer()],
      StartPayoutDetailsChange: [
        { startPayoutDetailsChange: { id: 'lch_1', maskedDestination: '•••• 42' } },
      ],
      ChangeBankAccount: [
        new GraphqlRequestError('bad', 'BAD_USER_INPUT', 'routingNumber', {
          reason: 'INVALID_BANK_ACCOUNT',
        }),
        { changeExternalAccount: { id: 'ba_2', last4: '9991' } },
      ],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="change-bank"]').trigger('click');
    const dialog = card.get('[data-testid="bank-dialog"]');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.text()).toContain('Code sent to •••• 42');
    await dialog.get('#dash-bank-holder').setValue('Jenny Rosen');
    await dialog.get('#dash-bank-routing').setValue('110000001');
    await dialog.get('#dash-bank-number').setValue('000999999991');
    await dialog.get('#dash-bank-code').setValue('123 456');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe(
      'Check the routing number: a bank would not accept it.',
    );
    expect(dialog.get('#dash-bank-routing').attributes('aria-invalid')).toBe('true');
    await dialog.get('#dash-bank-routing').setValue('110000000');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'ChangeBankAccount').at(-1)![1]).toEqual({
      bank: {
        country: 'US',
        currency: 'usd',
        accountHolderName: 'Jenny Rosen',
        routingNumber: '110000000',
        accountNumber: '000999999991',
      },
      challenge: 'lch_1',
      code: '123456',
    });
    expect(card.get('[role="status"]').text()).toContain('Bank account changed');
  });
});

describe('the reserve for refunds and disputes', () => {
  it('adds money to it, keeping the key for a retry of the same amount', async () => {
    const client = scriptedClient({
      BalanceCard: [answer(), answer()],
      TopUpReserve: [
        new GraphqlRequestError('down', 'NETWORK_ERROR'),
        { topUpReserve: { id: 'tu_1', status: 'succeeded' } },
      ],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="top-up"]').trigger('click');
    const dialog = card.get('[data-testid="topup-dialog"]');
    await dialog.get('input').setValue('50');
    expect(dialog.get('[data-testid="topup-consequence"]').text()).toContain(
      '$50.00 comes from your bank account into your reserve',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    await dialog.get('form').trigger('submit');
    await flushPromises();
    const calls = client.calls.filter(([name]) => name === 'TopUpReserve');
    expect(calls[0]![1]).toMatchObject({ amount: 5_000, currency: 'usd' });
    expect(calls[1]![1].key).toBe(calls[0]![1].key);
    expect(card.get('[role="status"]').text()).toContain(
      'shows as pending until your bank sends it',
    );
  });
});

describe('a balance below zero', () => {
  const negative = (overrides: Partial<Me['balances'][number]> = {}) =>
    answer({
      balances: [
        {
          ...me.balances[1]!,
          available: -4_250,
          total: -4_250,
          pending: 0,
          reserve: 3_000,
          reserveHeld: 1_200,
          availableSoon: [],
          negativeSince: '2026-11-20T10:00:00.000Z',
          recoveryScheduledFor: '2026-11-27T10:00:00.000Z',
          negativeCauses: ['refund', 'dispute', 'reserve_release'],
          ...overrides,
        },
      ],
    });
  const debit = (status: Me['recoveryDebits'][number]['status']) => ({
    id: 'rdebit_1',
    amount: 4_250,
    currency: 'usd',
    status,
    attempt: 1,
    nextAttemptAt: status === 'retrying' ? '2026-11-28T10:00:00.000Z' : null,
    failureCode: status === 'retrying' ? 'insufficient_funds' : null,
    failureMessage: status === 'retrying' ? 'Insufficient funds.' : null,
    destination: 'Simulated Bank •••• 6789',
    coveredAmount: status === 'uncollectible' ? 4_250 : null,
    createdAt: '2026-11-27T10:00:00.000Z',
    settledAt: null,
  });

  it('says why, when the bank is debited, and what the rolling reserve holds', async () => {
    const card = await mountCard(scriptedClient({ BalanceCard: [negative()] }));
    const box = card.get('[data-testid="negative-balance"]');
    expect(box.text()).toContain('Your balance is below zero: you owe $42.50');
    expect(box.get('[data-testid="negative-why"]').text()).toContain(
      'Since Nov 20, 2026, more went out than your balance held: refunds, disputes, other debits.',
    );
    expect(box.get('a').attributes('href')).toBe('/transactions');
    expect(box.get('[data-testid="negative-recovery"]').text()).toBe(
      'Unless you add funds first, what you owe is debited from your bank account on Nov 27, 2026.',
    );
    expect(card.get('[data-testid="reserve-held"]').text()).toBe(
      '$12.00 held by a rolling reserve',
    );
    // Nothing to pay out from a balance below zero.
    expect(card.find('[data-testid="pay-out-usd"]').exists()).toBe(false);
  });

  it('follows the bank debit: under way, retried with the bank’s reason, covered', async () => {
    const client = scriptedClient({
      BalanceCard: [
        { me: { ...negative().me, recoveryDebits: [debit('pending')] } },
        { me: { ...negative().me, recoveryDebits: [debit('retrying')] } },
        {
          me: {
            ...negative({ available: 0, total: 0, negativeSince: null, negativeCauses: [] }).me,
            recoveryDebits: [debit('uncollectible')],
          },
        },
      ],
    });
    const card = await mountCard(client);
    const recovery = () => card.get('[data-testid="negative-recovery"]').text();
    expect(recovery()).toBe('We’re debiting $42.50 from Simulated Bank •••• 6789 to cover it.');
    announce('dash:payouts-changed');
    await flushPromises();
    expect(recovery()).toBe(
      'The debit of $42.50 from Simulated Bank •••• 6789 failed: the bank account does not have enough money. We’ll try again on Nov 28, 2026.',
    );
    announce('dash:payouts-changed');
    await flushPromises();
    expect(card.find('[data-testid="add-funds"]').exists()).toBe(false);
    expect(recovery()).toBe(
      'Your bank account could not be debited: your platform covered the $42.50 you owed.',
    );
  });

  it('adds funds now in the currency below zero, saying the debt is made good first', async () => {
    const client = scriptedClient({
      BalanceCard: [negative(), negative({ available: 0, total: 0 })],
      TopUpReserve: [{ topUpReserve: { id: 'tu_1', status: 'pending' } }],
    });
    const card = await mountCard(client);
    await card.get('[data-testid="add-funds"]').trigger('click');
    await flushPromises();
    const dialog = card.get('[data-testid="topup-dialog"]');
    expect(dialog.get('[data-testid="topup-covers-first"]').text()).toBe(
      'It first covers the $42.50 you owe; the rest goes into your reserve.',
    );
    await dialog.get('input').setValue('42.50');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'TopUpReserve')![1]).toMatchObject({
      amount: 4_250,
      currency: 'usd',
    });
  });

  it('offers no top-up where the platform allows none, and speaks Chinese', async () => {
    setSession({ ...shellSession, features: allowed(false) });
    setLocale('zh-CN');
    const card = await mountCard(scriptedClient({ BalanceCard: [negative()] }));
    expect(card.find('[data-testid="add-funds"]').exists()).toBe(false);
    expect(card.get('[data-testid="negative-balance"]').text()).toContain('您欠 US$42.50');
  });
});
