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
import PaymentsPage from '../src/PaymentsPage.vue';
import { messages } from '../src/messages.js';
import { searchFilter, type PaymentDetail } from '../src/payments-api.js';

/** The shared session, as the page reads it when mounted without the shell. */
const account = (issueRefunds = true, support: Record<string, string | null> = {}) => ({
  me: {
    id: 'acct_1',
    displayName: 'Jenny Rosen',
    defaultCurrency: 'usd',
    livemode: false,
    unreadActivityCount: 0,
    platform: {
      name: 'Rocket Rides',
      brandColor: '#0a7f5a',
      supportEmail: null,
      supportPhone: null,
      supportUrl: null,
      ...support,
      features: {
        closeAccount: false,
        editPublicInfo: false,
        issueRefunds,
        editPayoutSchedule: false,
        editBankAccounts: false,
        instantPayouts: false,
        manageDisputes: false,
        reserveTopUps: false,
      },
    },
  },
});
const row = {
  id: 'ch_1',
  createdAt: '2026-11-20T10:00:00.000Z',
  amount: 10_000,
  currency: 'usd',
  status: 'succeeded',
  description: 'Ride #1001',
  customer: { name: 'Ana Lima', email: 'ana@example.com' },
};
const detail = (overrides: Partial<PaymentDetail> = {}): { me: { payment: PaymentDetail } } => ({
  me: {
    payment: {
      ...(row as PaymentDetail),
      amountRefunded: 0,
      refundable: 10_000,
      fee: 820,
      net: 9_180,
      failureMessage: null,
      card: { brand: 'visa', last4: '4242' },
      metadata: [{ key: 'ride', value: 'r_1' }],
      refunds: [],
      timeline: [{ type: 'succeeded', at: row.createdAt, amount: 10_000 }],
      balanceTransaction: {
        net: 9_180,
        feeDetails: [
          { type: 'processing_fee', amount: 320 },
          { type: 'application_fee', amount: 500 },
        ],
      },
      ...overrides,
    },
  },
});

async function mountPage(client: GraphqlClient, path = '/payments') {
  window.history.replaceState(null, '', path);
  const { i18n } = createDashI18n(messages);
  const page = mount(PaymentsPage, {
    props: { client },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return page;
}

const page = (nodes: unknown[], endCursor: string | null = null) => ({
  me: { payments: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } },
});

beforeEach(() => {
  setLocale('en');
  setSession({});
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

describe('payments search', () => {
  it('reads a number as an amount in the account’s currency, anything else as an email', () => {
    expect(searchFilter('12.50', 'usd')).toEqual({ amount: 1_250 });
    expect(searchFilter('12,5', 'usd')).toEqual({ amount: 1_250 });
    expect(searchFilter('4800', 'jpy')).toEqual({ amount: 4_800 });
    expect(searchFilter('ana@', 'usd')).toEqual({ customerEmail: 'ana@' });
    expect(searchFilter('  ', 'usd')).toEqual({});
  });
});

describe('payments list', () => {
  it('lists payments with their status word, searches, and pages on', async () => {
    const client = scriptedClient({
      Session: [account()],
      Payments: [page([row], 'c1'), page([row]), page([{ ...row, id: 'ch_2' }])],
    });
    const view = await mountPage(client);
    expect(view.get('[data-id="ch_1"]').text()).toContain('$100.00');
    expect(view.get('[data-id="ch_1"]').text()).toContain('Succeeded');
    await view.get('input[type="search"]').setValue('12.50');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual(['Payments', { filter: { amount: 1_250 }, after: null }]);
    await view.get('input[type="search"]').setValue('ana@');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)![1]).toEqual({ filter: { customerEmail: 'ana@' }, after: null });
  });

  it('says why it is empty, in Chinese too', async () => {
    setLocale('zh-CN');
    const client = scriptedClient({ Session: [account()], Payments: [page([])] });
    const view = await mountPage(client);
    expect(view.get('[data-testid="payments-empty"]').text()).toContain('暂无付款');
  });
});

describe('payment detail and refund', () => {
  it('opens from the list and shows the fee breakdown, customer and timeline', async () => {
    const client = scriptedClient({
      Session: [account()],
      Payments: [page([row])],
      Payment: [detail()],
    });
    const view = await mountPage(client);
    await view.get('[data-id="ch_1"]').trigger('click');
    await flushPromises();
    expect(window.location.pathname).toBe('/payments/ch_1');
    const breakdown = view.get('[data-testid="breakdown"]').text();
    expect(breakdown).toContain('Processing fees');
    expect(breakdown).toContain('-$3.20');
    expect(breakdown).toContain('Platform fee');
    expect(breakdown).toContain('-$5.00');
    expect(breakdown).toContain('$91.80');
    expect(view.text()).toContain('•••• 4242');
    expect(view.get('[data-testid="timeline"]').text()).toContain('Payment of $100.00 succeeded');
  });

  it('refunds part of it with one key per amount, and explains a refusal', async () => {
    const client = scriptedClient({
      Session: [account()],
      Payment: [
        detail(),
        detail({ amountRefunded: 2_500, refundable: 7_500, status: 'partially_refunded' }),
      ],
      RefundPayment: [
        new GraphqlRequestError('network', 'NETWORK_ERROR'),
        { refundPayment: { id: 're_1', amount: 2_500 } },
      ],
    });
    const view = await mountPage(client, '/payments/ch_1');
    await view.get('[data-testid="refund"]').trigger('click');
    const dialog = view.get('[data-testid="refund-dialog"]');
    expect((dialog.get('input').element as HTMLInputElement).value).toBe('100.00');
    await dialog.get('input').setValue('25.00');
    expect(dialog.get('[data-testid="refund-consequence"]').text()).toContain(
      '$25.00 goes back to ana@example.com',
    );
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe('The refund did not go through. Try again.');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    const [first, retry] = client.calls.filter(([name]) => name === 'RefundPayment');
    expect(first![1]).toMatchObject({ payment: 'ch_1', amount: 2_500 });
    // The retry of the same amount reuses the key: the server refunds once whatever happened.
    expect(retry![1].key).toBe(first![1].key);
    expect(view.get('[role="status"]').text()).toContain('Refunded.');
    expect(view.text()).toContain('Partially refunded');
  });

  it('names the limit when the refund is more than is left', async () => {
    const client = scriptedClient({
      Session: [account()],
      Payment: [detail()],
      RefundPayment: [
        new GraphqlRequestError('too much', 'BAD_USER_INPUT', 'amount', {
          reason: 'REFUND_EXCEEDS_CHARGE',
        }),
      ],
    });
    const view = await mountPage(client, '/payments/ch_1');
    await view.get('[data-testid="refund"]').trigger('click');
    await view.get('[data-testid="refund-dialog"] form').trigger('submit');
    await flushPromises();
    expect(view.get('[data-testid="refund-dialog"] [role="alert"]').text()).toBe(
      'That is more than can be refunded: at most $100.00.',
    );
  });

  it('explains that a disputed payment cannot be refunded, in English and Chinese', async () => {
    for (const [locale, words] of [
      ['en', 'This payment is disputed, so it cannot be refunded'],
      ['zh-CN', '此付款存在争议，无法退款'],
    ] as const) {
      const client = scriptedClient({
        Session: [account()],
        Payment: [detail()],
        RefundPayment: [
          new GraphqlRequestError('disputed', 'FAILED_PRECONDITION', 'amount', {
            reason: 'CHARGE_DISPUTED',
          }),
        ],
      });
      setLocale(locale);
      const view = await mountPage(client, '/payments/ch_1');
      await view.get('[data-testid="refund"]').trigger('click');
      await view.get('[data-testid="refund-dialog"] input').setValue('25.00');
      await view.get('[data-testid="refund-dialog"] form').trigger('submit');
      await flushPromises();
      expect(view.get('[data-testid="refund-dialog"] [role="alert"]').text()).toContain(words);
      view.unmount();
    }
  });

  it('explains a refund its balance and reserve cannot pay for, and the ways out, in English and Chinese', async () => {
    for (const [locale, words] of [
      [
        'en',
        'Your balance and reserve can pay for at most $12.00 of refunds right now: this payment’s money has already left your balance. Top up your reserve to refund it, or ask your platform to refund it.',
      ],
      [
        'zh-CN',
        '您的余额和准备金目前最多可支付 US$12.00 的退款：此付款的款项已不在您的余额中。请为准备金充值后再退款，或请您的平台为您退款。',
      ],
    ] as const) {
      const client = scriptedClient({
        Session: [account()],
        Payment: [detail()],
        RefundPayment: [
          new GraphqlRequestError('not covered', 'FAILED_PRECONDITION', 'amount', {
            reason: 'INSUFFICIENT_FUNDS',
            fundable: 1_200,
          }),
        ],
      });
      setLocale(locale);
      const view = await mountPage(client, '/payments/ch_1');
      await view.get('[data-testid="refund"]').trigger('click');
      await view.get('[data-testid="refund-dialog"] form').trigger('submit');
      await flushPromises();
      expect(view.get('[data-testid="refund-dialog"] [role="alert"]').text()).toBe(words);
      expect(view.get('[data-testid="refund-dialog"] input').attributes('aria-invalid')).toBe(
        'true',
      );
      // Asking the platform is one way out: where to find it follows.
      expect(view.get('[data-testid="refund-dialog"] [data-testid="support-contact"]').text()).toBe(
        locale === 'en'
          ? 'Rocket Rides supports your account: contact them where you signed up.'
          : 'Rocket Rides 为您的账户提供支持：请通过您注册的地方联系他们。',
      );
      view.unmount();
    }
  });

  it('says how to reach the platform when it refuses refunds from the dashboard', async () => {
    const client = scriptedClient({
      Session: [
        account(true, {
          supportEmail: 'help@rocketrides.example',
          supportPhone: '+14155550123',
          supportUrl: 'https://rocketrides.example/help',
        }),
      ],
      Payment: [detail()],
      RefundPayment: [
        new GraphqlRequestError('off', 'FORBIDDEN', undefined, { reason: 'FEATURE_DISABLED' }),
      ],
    });
    const view = await mountPage(client, '/payments/ch_1');
    await view.get('[data-testid="refund"]').trigger('click');
    const dialog = view.get('[data-testid="refund-dialog"]');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(dialog.get('[role="alert"]').text()).toBe(
      'Your platform does not allow refunds from the dashboard.',
    );
    const contact = dialog.get('[data-testid="support-contact"]');
    expect(contact.text()).toContain('Contact Rocket Rides:');
    expect(contact.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
      'https://rocketrides.example/help',
    ]);
  });

  it('never links a help page that is not a web address', async () => {
    const client = scriptedClient({
      Session: [account(true, { supportUrl: 'javascript:alert(1)' })],
      Payment: [detail()],
      RefundPayment: [
        new GraphqlRequestError('off', 'FORBIDDEN', undefined, { reason: 'FEATURE_DISABLED' }),
      ],
    });
    const view = await mountPage(client, '/payments/ch_1');
    await view.get('[data-testid="refund"]').trigger('click');
    await view.get('[data-testid="refund-dialog"] form').trigger('submit');
    await flushPromises();
    const contact = view.get('[data-testid="refund-dialog"] [data-testid="support-contact"]');
    expect(contact.find('a').exists()).toBe(false);
    expect(contact.html()).not.toContain('javascript:');
    expect(contact.text()).toBe(
      'Rocket Rides supports your account: contact them where you signed up.',
    );
  });

  it('offers no refund where the platform does not allow it', async () => {
    const client = scriptedClient({ Session: [account(false)], Payment: [detail()] });
    const view = await mountPage(client, '/payments/ch_1');
    expect(view.find('[data-testid="refund"]').exists()).toBe(false);
  });
});
