import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDashI18n, GraphqlRequestError, setLocale, type GraphqlClient } from '@dash/web-kit';
import BalanceCard from '../src/BalanceCard.vue';
import { messages } from '../src/messages.js';
import type { BalanceCardData } from '../src/balance-query.js';

const me: BalanceCardData['me'] = {
  id: 'acct_1',
  displayName: 'Jenny Rosen',
  defaultCurrency: 'usd',
  balances: [
    {
      currency: 'jpy',
      available: 48_000,
      pending: 0,
      reserve: 0,
      total: 48_000,
      availableSoon: [],
    },
    {
      currency: 'usd',
      available: 123_456,
      pending: 2_500,
      reserve: 1_000,
      total: 126_956,
      availableSoon: [
        { availableOn: '2026-11-26T00:00:00.000Z', amount: 1_500 },
        { availableOn: '2026-11-27T00:00:00.000Z', amount: 1_000 },
      ],
    },
  ],
  nextPayout: {
    id: 'po_1',
    amount: 40_000,
    currency: 'usd',
    status: 'in_transit',
    arrivalDate: '2026-11-26T12:00:00.000Z',
  },
};

/** A stand-in for the gateway: answers with what each test scripts. */
function scriptedClient(
  ...answers: Array<BalanceCardData | Error>
): GraphqlClient & { calls: number } {
  const client = {
    calls: 0,
    async query<Data>(): Promise<Data> {
      const answer = answers[Math.min(client.calls, answers.length - 1)];
      client.calls += 1;
      if (answer instanceof Error) throw answer;
      return answer as Data;
    },
  };
  return client;
}

function mountCard(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  return mount(BalanceCard, { props: { client }, global: { plugins: [i18n] } });
}

beforeEach(() => setLocale('en'));

describe('balance card', () => {
  it('shows a skeleton, then each currency with the account currency first', async () => {
    const card = mountCard(scriptedClient({ me }));
    expect(card.find('[aria-busy="true"]').exists()).toBe(true);
    await flushPromises();
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
    // The reserve shows where there is one; pending money by the day it settles.
    expect(card.get('[data-testid="balance-usd"]').text()).toContain(
      'Reserved for refunds and disputes',
    );
    expect(card.get('[data-testid="balance-jpy"]').text()).not.toContain('Reserved');
    const soon = card
      .get('[data-testid="available-soon"]')
      .findAll('li')
      .map((li) => li.text());
    expect(soon).toEqual(['Nov 26, 2026$15.00', 'Nov 27, 2026$10.00']);
    expect(card.get('[data-testid="next-payout"]').text()).toContain('$400.00');
    expect(card.text()).toContain('Available soon');
  });

  it('switches language without reloading', async () => {
    const client = scriptedClient({ me });
    const card = mountCard(client);
    await flushPromises();
    setLocale('zh-CN');
    await flushPromises();
    expect(card.text()).toContain('即将到账');
    expect(card.get('[data-testid="balance-usd"] [data-testid="balance-total"]').text()).toBe(
      'US$1,269.56',
    );
    expect(client.calls).toBe(1);
  });

  it('explains an empty balance', async () => {
    const card = mountCard(scriptedClient({ me: { ...me, balances: [], nextPayout: null } }));
    await flushPromises();
    expect(card.text()).toContain('Your balance appears here after your first payment.');
  });

  it('offers a retry after an error, and recovers', async () => {
    const client = scriptedClient(new GraphqlRequestError('down', 'NETWORK_ERROR'), { me });
    const card = mountCard(client);
    await flushPromises();
    expect(card.get('[role="alert"]').text()).toContain('could not be loaded');
    await card.get('button').trigger('click');
    await flushPromises();
    expect(card.find('[role="alert"]').exists()).toBe(false);
    expect(card.get('[data-testid="balance-usd"] [data-testid="balance-total"]').text()).toBe(
      '$1,269.56',
    );
  });
});
