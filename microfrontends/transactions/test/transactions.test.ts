import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { createDashI18n, GraphqlRequestError, setLocale, type GraphqlClient } from '@dash/web-kit';
import TransactionsList from '../src/TransactionsList.vue';
import { exportHref } from '../src/transactions-api.js';
import { messages } from '../src/messages.js';

const row = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  createdAt: '2026-11-20T10:00:00.000Z',
  type: 'charge',
  description: 'Ride #1001',
  amount: 2_500,
  fee: 103,
  net: 2_397,
  currency: 'usd',
  status: 'available',
  availableOn: '2026-11-22T10:00:00.000Z',
  ...overrides,
});
/** A page of rows; the currencies the account has used come with it when asked for. */
const page = (nodes: unknown[], endCursor: string | null = null, withCurrencies = false) => ({
  me: {
    ...(withCurrencies ? { balances: [{ currency: 'usd' }, { currency: 'jpy' }] } : {}),
    balanceTransactions: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } },
  },
});

async function mountList(client: GraphqlClient, path = '/transactions') {
  window.history.replaceState(null, '', path);
  const { i18n } = createDashI18n(messages);
  const list = mount(TransactionsList, { props: { client }, global: { plugins: [i18n] } });
  await flushPromises();
  return list;
}

beforeEach(() => setLocale('en'));

describe('transactions list', () => {
  it('lists rows by type, description and amount, a refund with its minus sign, pending with its day', async () => {
    const client = scriptedClient({
      Transactions: [
        page(
          [
            row('txn_2', {
              type: 'refund',
              description: 'Refund for ch_1',
              amount: -1_000,
              fee: 0,
              net: -1_000,
            }),
            row('txn_1', { status: 'pending' }),
          ],
          null,
          true,
        ),
      ],
    });
    const list = await mountList(client);
    const cells = list.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(cells[0]![0]).toBe('Refunds');
    expect(cells[0]![3]).toBe('-$10.00');
    expect(cells[1]![1]).toContain('Available Nov 22, 2026');
    expect(cells[1]![3]).toBe('$25.00');
    expect(cells[1]![4]).toBe('$23.97');
  });

  it('filters by type and amount in the currency’s units, and pages on from the cursor', async () => {
    const client = scriptedClient({
      Transactions: [
        page([row('txn_1')], 'cursor-1', true),
        page([row('txn_3')], 'cursor-2'),
        page([row('txn_4')]),
        page([row('txn_5')]),
      ],
    });
    const list = await mountList(client);
    // The first page brings the currencies the filter offers; later pages leave them out.
    expect(client.calls).toEqual([
      ['Transactions', { filter: {}, after: null, first: 25, withCurrencies: true }],
    ]);
    await list.get('button[data-type="payout"]').trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)![1]).toEqual({
      filter: { types: ['payout'] },
      after: null,
      first: 25,
      withCurrencies: false,
    });
    await list.get('button.dash-button:not([type="submit"])').trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)![1]).toMatchObject({ after: 'cursor-2' });
    expect(list.findAll('tbody tr')).toHaveLength(2);

    await list.get('select[name="currency"]').setValue('jpy');
    await list.get('input[name="min"]').setValue('1500');
    await list.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)![1]).toEqual({
      filter: { types: ['payout'], currency: 'jpy', amountMin: 1_500 },
      after: null,
      first: 25,
      withCurrencies: false,
    });
    expect(list.get('[data-testid="export"]').attributes('href')).toBe(
      '/exports/balance-transactions.csv?types=payout&currency=jpy&amountMin=1500',
    );
  });

  it('refuses an amount that is not a number, explains an empty list and a failure, in Chinese too', async () => {
    setLocale('zh-CN');
    const client = scriptedClient({
      Transactions: [
        new GraphqlRequestError('down', 'INTERNAL_SERVER_ERROR'),
        page([], null, true),
      ],
    });
    const list = await mountList(client);
    expect(list.get('[role="alert"]').text()).toContain('无法加载您的交易');
    await list.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(list.get('[data-testid="transactions-empty"]').text()).toContain('没有符合条件的交易');
    const before = client.calls.length;
    await list.get('input[name="max"]').setValue('twelve');
    await list.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.length).toBe(before);
    expect(list.get('[role="alert"]').text()).toContain('12.50');
  });
});

describe('on Home', () => {
  it('shows the latest five with a way to all of them, and no filters', async () => {
    const client = scriptedClient({
      Transactions: [page([row('txn_1')], 'more')],
    });
    const list = await mountList(client, '/');
    // One request, without the currencies only the full page's filters need.
    expect(client.calls).toEqual([
      ['Transactions', { filter: {}, after: null, first: 5, withCurrencies: false }],
    ]);
    expect(list.text()).toContain('Latest transactions');
    expect(list.get('[data-testid="all-transactions"]').attributes('href')).toBe('/transactions');
    expect(list.find('form').exists()).toBe(false);
    expect(list.find('[data-testid="export"]').exists()).toBe(false);
  });

  it('asks for the currencies once the full page opens under it', async () => {
    const client = scriptedClient({
      Transactions: [page([row('txn_1')]), page([row('txn_1')], null, true)],
    });
    const list = await mountList(client, '/');
    window.history.pushState(null, '', '/transactions');
    window.dispatchEvent(new Event('single-spa:routing-event'));
    await flushPromises();
    expect(client.calls.at(-1)![1]).toMatchObject({ first: 25, withCurrencies: true });
    const options = list.findAll('select[name="currency"] option').map((o) => o.text());
    expect(options.slice(1)).toEqual(['USD', 'JPY']);
  });
});

describe('export link', () => {
  it('carries the filter in use and nothing else', () => {
    expect(exportHref({})).toBe('/exports/balance-transactions.csv');
    expect(
      exportHref({ types: ['charge', 'refund'], createdFrom: '2026-11-01T00:00:00.000Z' }),
    ).toBe(
      '/exports/balance-transactions.csv?types=charge%2Crefund&createdFrom=2026-11-01T00%3A00%3A00.000Z',
    );
  });
});
