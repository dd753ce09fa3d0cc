import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import { createDashI18n, onDashEvent, setLocale, type GraphqlClient } from '@dash/web-kit';
import ActivityPage from '../src/ActivityPage.vue';
import { messages } from '../src/messages.js';
import type { ActivityRow } from '../src/activity-api.js';

const item = (id: string, readAt: string | null, href: string | null = null): ActivityRow => ({
  id,
  kind: 'payout.failed',
  title: `Title ${id}`,
  body: `Body ${id}`,
  createdAt: '2026-11-24T10:00:00.000Z',
  readAt,
  href,
});
const page = (nodes: ActivityRow[], endCursor: string | null = null) => ({
  me: { activity: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } },
});
const prefs = {
  me: {
    notificationPreferences: {
      emailPayoutFailed: true,
      emailDisputeOpened: true,
      emailRequirementsDue: true,
      locale: 'en',
    },
  },
};

async function mountPage(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  const view = mount(ActivityPage, {
    props: { client },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return view;
}

beforeEach(() => {
  setLocale('en');
  window.history.replaceState(null, '', '/activity');
});

describe('activity hub', () => {
  it('marks unread items, opens one (reading it) and goes to what it is about', async () => {
    const client = scriptedClient({
      Activity: [
        page([item('act_2', null, '/payouts/po_9'), item('act_1', '2026-11-24T11:00:00.000Z')]),
      ],
      NotificationPreferences: [prefs],
      MarkActivityRead: [{ markActivityRead: 1 }],
    });
    const changed: unknown[] = [];
    const stop = onDashEvent('dash:activity-changed', (detail) => changed.push(detail));
    const view = await mountPage(client);
    expect(view.get('[data-id="act_2"]').attributes('data-unread')).toBe('true');
    expect(view.get('[data-id="act_2"]').text()).toContain('(unread)');
    expect(view.get('[data-id="act_1"]').attributes('data-unread')).toBe('false');
    await view.get('[data-id="act_2"]').trigger('click');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'MarkActivityRead')![1]).toEqual({
      ids: ['act_2'],
    });
    expect(window.location.pathname).toBe('/payouts/po_9');
    expect(view.get('[data-id="act_2"]').attributes('data-unread')).toBe('false');
    expect(changed).toHaveLength(1);
    stop();
  });

  it('marks all read, and pages on', async () => {
    const client = scriptedClient({
      Activity: [page([item('act_3', null)], 'c1'), page([item('act_0', null)])],
      NotificationPreferences: [prefs],
      MarkActivityRead: [{ markActivityRead: 2 }],
    });
    const view = await mountPage(client);
    await view.get('button.dash-button:not([data-testid])').trigger('click');
    await flushPromises();
    expect(view.find('[data-id="act_0"]').exists()).toBe(true);
    await view.get('[data-testid="mark-all"]').trigger('click');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'MarkActivityRead')![1]).toEqual({
      ids: undefined,
    });
    expect(view.findAll('[data-unread="true"]')).toHaveLength(0);
    expect(view.find('[data-testid="mark-all"]').exists()).toBe(false);
  });

  it('asks for the items in the reader’s language, and again when it changes', async () => {
    const client = scriptedClient({
      Activity: [
        page([item('act_5', null)]),
        page([{ ...item('act_5', null), title: '付款失败' }]),
      ],
      NotificationPreferences: [prefs],
    });
    const view = await mountPage(client);
    expect(view.get('[data-id="act_5"]').text()).toContain('Title act_5');
    setLocale('zh-CN');
    await flushPromises();
    const asked = client.calls.filter(([name]) => name === 'Activity');
    expect(asked.map(([, variables]) => variables.locale)).toEqual(['en', 'zh-CN']);
    expect(view.get('[data-id="act_5"]').text()).toContain('付款失败');
  });

  it('saves email choices as they change, and speaks Chinese', async () => {
    setLocale('zh-CN');
    const client = scriptedClient({
      Activity: [page([])],
      NotificationPreferences: [prefs],
      UpdateNotificationPreferences: [
        {
          updateNotificationPreferences: {
            emailPayoutFailed: false,
            emailDisputeOpened: true,
            emailRequirementsDue: true,
            locale: 'en',
          },
        },
      ],
    });
    const view = await mountPage(client);
    expect(view.get('[data-testid="activity-empty"]').text()).toContain('暂无动态');
    await view.get('[data-testid="email-payout-failed"]').setValue(false);
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'UpdateNotificationPreferences')![1]).toEqual({
      input: { emailPayoutFailed: false },
    });
    expect(view.get('[role="status"]').text()).toBe('已保存。');
  });
});
