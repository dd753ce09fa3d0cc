import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  createDashI18n,
  getBranding,
  GraphqlRequestError,
  loadSession,
  setLocale,
  setSession,
  type GraphqlClient,
} from '@dash/web-kit';
import EarningsChart from '../src/EarningsChart.vue';
import { changeAgainst } from '../src/earnings-api.js';
import { messages } from '../src/messages.js';

const day = (n: number) => new Date(Date.UTC(2026, 10, 18 + n)).toISOString();
const week = (nets: number[], previousTotal: number | null = 10_000, currency = 'usd') => ({
  me: {
    earnings: {
      currency,
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

/** What the shell's frame publishes before any micro-frontend mounts. */
const features = {
  closeAccount: true,
  editPublicInfo: true,
  issueRefunds: true,
  editPayoutSchedule: true,
  editBankAccounts: true,
  instantPayouts: true,
  manageDisputes: true,
  reserveTopUps: true,
};
const shellSession = {
  accountId: 'acct_1',
  displayName: 'Rocket Rides',
  defaultCurrency: 'usd',
  features,
};
const sessionAnswer = {
  me: {
    id: 'acct_1',
    displayName: 'Rocket Rides',
    defaultCurrency: 'usd',
    livemode: false,
    unreadActivityCount: 0,
    platform: { name: 'Rocket Platform', brandColor: '#0a7', features },
  },
};

beforeEach(() => {
  setLocale('en');
  setSession({});
});

describe('earnings chart', () => {
  it('shows the total in the account’s currency and the change against the period before', async () => {
    setSession(shellSession);
    const client = scriptedClient({
      Earnings: [week([1_000, 2_000, 0, 0, 3_000, 4_000, 2_500])],
    });
    const chart = await mountChart(client);
    // The currency comes from the shell's session: one request, the chart's own.
    expect(client.calls).toEqual([
      ['Earnings', { range: 'last_7_days', currency: 'usd', timeZone: 'Europe/Paris' }],
    ]);
    expect(chart.get('[data-testid="earnings-total"]').text()).toBe('$125.00');
    expect(chart.get('[data-testid="earnings-change"]').text()).toBe(
      'Up 25.0% on the period before ($100.00)',
    );
    // The numbers are also a table, for screen readers.
    expect(chart.findAll('tbody tr')).toHaveLength(7);
  });

  it('asks for the chosen period when a tab is picked', async () => {
    setSession(shellSession);
    const client = scriptedClient({ Earnings: [week([100]), week([5_000], null)] });
    const chart = await mountChart(client);
    await chart.get('[data-range="lifetime"]').trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)![1].range).toBe('lifetime');
    expect(chart.get('[data-range="lifetime"]').attributes('aria-selected')).toBe('true');
    expect(chart.find('[data-testid="earnings-change"]').exists()).toBe(false);
  });

  it('explains an empty period, and a failure with a retry, in Chinese too', async () => {
    setLocale('zh-CN');
    setSession(shellSession);
    const client = scriptedClient({
      Earnings: [new GraphqlRequestError('down', 'INTERNAL_SERVER_ERROR'), week([0, 0, 0], 0)],
    });
    const chart = await mountChart(client);
    expect(chart.get('[role="alert"]').text()).toContain('无法加载您的收入');
    await chart.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(chart.get('[data-testid="earnings-empty"]').text()).toContain('此期间暂无收入');
  });
});

describe('the session the chart takes its currency from', () => {
  it('is read once by the chart itself when mounted alone, and shared with the rest of the page', async () => {
    const client = scriptedClient({
      Session: [{ me: { ...sessionAnswer.me, defaultCurrency: 'eur' } }],
      Earnings: [week([1_000], null, 'eur'), week([2_000], null, 'eur')],
    });
    // Two charts mounted at once (say, two embedded ones): the first read is shared.
    const [first, second] = await Promise.all([mountChart(client), mountChart(client)]);
    expect(client.calls.map(([name]) => name)).toEqual(['Session', 'Earnings', 'Earnings']);
    expect(client.calls[1]![1]).toMatchObject({ currency: 'eur' });
    expect(first.get('[data-testid="earnings-total"]').text()).toBe('€10.00');
    expect(second.get('[data-testid="earnings-total"]').text()).toBe('€20.00');
    expect(getBranding().platformName).toBe('Rocket Platform');
  });

  it('waits for the read the shell started instead of asking again', async () => {
    let answer!: (value: unknown) => void;
    const shellClient = {
      query: () => new Promise((resolve) => (answer = resolve)),
    } as unknown as GraphqlClient;
    const shellRead = loadSession(shellClient);
    const client = scriptedClient({ Earnings: [week([1_000])] });
    const chart = await mountChart(client);
    expect(client.calls).toEqual([]);
    answer(sessionAnswer);
    await shellRead;
    await flushPromises();
    expect(client.calls).toEqual([
      ['Earnings', { range: 'last_7_days', currency: 'usd', timeZone: 'Europe/Paris' }],
    ]);
    expect(chart.get('[data-testid="earnings-total"]').text()).toBe('$10.00');
  });

  it('follows a change of account or currency, and nothing else', async () => {
    setSession(shellSession);
    const client = scriptedClient({ Earnings: [week([1_000]), week([2_000], null, 'gbp')] });
    const chart = await mountChart(client);
    setSession({ ...shellSession, unreadActivityCount: 3 });
    await flushPromises();
    expect(client.calls).toHaveLength(1);
    setSession({ ...shellSession, defaultCurrency: 'gbp' });
    await flushPromises();
    expect(client.calls.at(-1)![1]).toMatchObject({ currency: 'gbp' });
    expect(chart.get('[data-testid="earnings-total"]').text()).toBe('£20.00');
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
