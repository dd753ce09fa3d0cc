import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { announce, createDashI18n, setLocale, type GraphqlClient } from '@dash/web-kit';
import PayoutsPage from '../src/PayoutsPage.vue';
import { messages } from '../src/messages.js';
import type { PayoutDetail, PayoutRow } from '../src/payouts-api.js';

const row: PayoutRow = {
  id: 'po_1',
  createdAt: '2026-11-20T10:00:00.000Z',
  amount: 40_000,
  currency: 'usd',
  status: 'in_transit',
  method: 'standard',
  arrivalDate: '2026-11-24T00:00:00.000Z',
  destination: { kind: 'bank_account', bankName: 'Simulated Bank', brand: null, last4: '6789' },
};
const page = (nodes: PayoutRow[], endCursor: string | null = null) => ({
  me: { payouts: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } },
});
const detail = (overrides: Partial<PayoutDetail> = {}) => ({
  me: {
    payout: {
      ...row,
      fee: 0,
      automatic: true,
      description: 'Payout to Simulated Bank •••• 6789',
      failureCode: null,
      failureMessage: null,
      ...overrides,
    },
    balanceTransactions: {
      nodes: [
        {
          id: 'txn_1',
          type: 'charge',
          net: 41_000,
          currency: 'usd',
          description: 'Ride #1001',
          createdAt: '2026-11-17T10:00:00.000Z',
        },
        {
          id: 'txn_2',
          type: 'refund',
          net: -1_000,
          currency: 'usd',
          description: 'Refund for ch_1',
          createdAt: '2026-11-18T10:00:00.000Z',
        },
      ],
    },
  },
});

async function mountPage(client: GraphqlClient, path = '/payouts') {
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

beforeEach(() => setLocale('en'));

describe('payouts list', () => {
  it('shows amount, status word, destination and arrival, and reloads when a payout is made', async () => {
    const client = scriptedClient({
      Payouts: [page([row]), page([{ ...row, id: 'po_2', status: 'pending', amount: 500 }, row])],
    });
    const view = await mountPage(client);
    const line = view.get('[data-id="po_1"]').text();
    expect(line).toContain('$400.00');
    expect(line).toContain('On its way');
    expect(line).toContain('Simulated Bank •••• 6789');
    expect(line).toContain('Expected Nov 24, 2026');
    announce('dash:payouts-changed');
    await flushPromises();
    expect(view.get('[data-id="po_2"]').text()).toContain('Pending');
  });

  it('says why it is empty, in Chinese too', async () => {
    setLocale('zh-CN');
    const view = await mountPage(scriptedClient({ Payouts: [page([])] }));
    expect(view.get('[data-testid="payouts-empty"]').text()).toContain('还没有提现');
  });
});

describe('payout detail', () => {
  it('lists what an automatic payout paid out', async () => {
    const client = scriptedClient({ Payouts: [page([row])], Payout: [detail()] });
    const view = await mountPage(client);
    await view.get('[data-id="po_1"]').trigger('click');
    await flushPromises();
    expect(window.location.pathname).toBe('/payouts/po_1');
    expect(client.calls.at(-1)).toEqual(['Payout', { id: 'po_1' }]);
    expect(view.get('[data-testid="facts"]').text()).toContain('By your payout schedule');
    const lines = view.get('[data-testid="paid-out"]').text();
    expect(lines).toContain('Ride #1001');
    expect(lines).toContain('$410.00');
    expect(lines).toContain('-$10.00');
  });

  it('explains a failed payout in the reader’s language, and an instant one’s fee', async () => {
    setLocale('zh-CN');
    const client = scriptedClient({
      Payout: [
        detail({
          status: 'failed',
          method: 'instant',
          automatic: false,
          fee: 400,
          failureCode: 'no_account',
          failureMessage: 'No bank account could be found with these details.',
        }),
      ],
    });
    const view = await mountPage(client, '/payouts/po_1');
    expect(view.get('[data-testid="failure"]').text()).toContain('找不到与这些信息对应的银行账户');
    expect(view.get('[data-testid="facts"]').text()).toContain('即时');
    expect(view.get('[data-testid="facts"]').text()).toContain('US$4.00');
    expect(view.find('[data-testid="not-matched"]').exists()).toBe(true);
  });
});
