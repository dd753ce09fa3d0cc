import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { createDashI18n, GraphqlRequestError, setLocale, type GraphqlClient } from '@dash/web-kit';
import EarningsChart from '../src/EarningsChart.vue';
import { changeAgainst } from '../src/earnings-api.js';
import { messages } from '../src/messages.js';

const day = (n: number) => new Date(Date.UTC(2026, 10, 18 + n)).toISOString();
const week = (nets: number[], previousTotal: number | null = 10_000) => ({
  me: {
    earnings: {
      currency: 'usd',
      total: nets.reduce((sum, net) => sum + net, 0),
      previousTotal,
      buckets: nets.map((net, i) => ({ start: day(i), net })),
      previous: nets.map((_, i) => ({ start: day(i - 7), net: 0 })),
    },
  },
});

async function mountChart(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  const chart = mount(EarningsChart, {
    props: { client, timeZone: 'Europe/Paris' },
    global: { plugins: [i18n] },
  });
  await flushPromises();
  return chart;
}

beforeEach(() => setLocale('en'));

describe('earnings chart', () => {
  it('shows the total in the account’s currency and the change against the period before', async () => {
    const client = scriptedClient({
      EarningsAccount: [{ me: { defaultCurrency: 'usd' } }],
      Earnings: [week([1_000, 2_000, 0, 0, 3_000, 4_000, 2_500])],
    });
    const chart = await mountChart(client);
    expect(client.calls[1]).toEqual([
      'Earnings',
      { range: 'LAST_7_DAYS', currency: 'usd', timeZone: 'Europe/Paris' },
    ]);
    expect(chart.get('[data-testid="earnings-total"]').text()).toBe('$125.00');
    expect(chart.get('[data-testid="earnings-change"]').text()).toBe(
      'Up 25.0% on the period before ($100.00)',
    );
    // The numbers are also a table, for screen readers.
    expect(chart.findAll('tbody tr')).toHaveLength(7);
  });

  it('asks for the chosen period when a tab is picked', async () => {
    const client = scriptedClient({
      EarningsAccount: [{ me: { defaultCurrency: 'usd' } }],
      Earnings: [week([100]), week([5_000], null)],
    });
    const chart = await mountChart(client);
    await chart.get('[data-range="LIFETIME"]').trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)![1].range).toBe('LIFETIME');
    expect(chart.get('[data-range="LIFETIME"]').attributes('aria-selected')).toBe('true');
    expect(chart.find('[data-testid="earnings-change"]').exists()).toBe(false);
  });

  it('explains an empty period, and a failure with a retry, in Chinese too', async () => {
    setLocale('zh-CN');
    const client = scriptedClient({
      EarningsAccount: [{ me: { defaultCurrency: 'usd' } }],
      Earnings: [new GraphqlRequestError('down', 'INTERNAL_SERVER_ERROR'), week([0, 0, 0], 0)],
    });
    const chart = await mountChart(client);
    expect(chart.get('[role="alert"]').text()).toContain('无法加载您的收入');
    await chart.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(chart.get('[data-testid="earnings-empty"]').text()).toContain('此期间暂无收入');
  });
});

describe('change against the period before', () => {
  it('is a percentage of the earlier total, and absent when there is nothing to compare', () => {
    expect(changeAgainst(150, 100)).toBe(50);
    expect(changeAgainst(50, 100)).toBe(-50);
    expect(changeAgainst(50, -100)).toBe(150);
    expect(changeAgainst(50, 0)).toBeNull();
    expect(changeAgainst(50, null)).toBeNull();
  });
});
