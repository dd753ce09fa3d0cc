import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  announce,
  createDashI18n,
  GraphqlRequestError,
  setLocale,
  type GraphqlClient,
} from '@dash/web-kit';
import NotificationBanner from '../src/NotificationBanner.vue';
import { messages } from '../src/messages.js';
import type { BannerData } from '../src/banner-query.js';

type Me = BannerData['me'];
const nothingDue: Me = {
  id: 'acct_1',
  detailsSubmitted: true,
  chargesEnabled: true,
  payoutsEnabled: true,
  requirements: { currentlyDue: [], pastDue: [], currentDeadline: null, disabledReason: null },
  notices: [],
};
const answer = (me: Partial<Me>) => ({ me: { ...nothingDue, ...me } });

async function mountBanner(client: GraphqlClient) {
  const { i18n } = createDashI18n(messages);
  const view = mount(NotificationBanner, {
    props: { client },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return view;
}

beforeEach(() => {
  setLocale('en');
  window.history.replaceState(null, '', '/');
});

describe('notification banner', () => {
  it('says payouts are paused, and why, while something is due or being checked (en and zh-CN)', async () => {
    const idDue = answer({
      payoutsEnabled: false,
      requirements: {
        currentlyDue: ['individual.id_number'],
        pastDue: [],
        currentDeadline: '2026-12-09T00:00:00.000Z',
        disabledReason: null,
      },
    });
    const checking = answer({
      payoutsEnabled: false,
      requirements: {
        currentlyDue: [],
        pastDue: [],
        currentDeadline: null,
        disabledReason: 'requirements.pending_verification',
      },
    });
    const view = await mountBanner(scriptedClient({ Banner: [idDue, checking, idDue] }));
    const paused = view.get('[data-testid="banner-requirements"]');
    expect(paused.text()).toContain('Payouts are paused');
    expect(paused.text()).toContain('Add your ID number to turn payouts back on');
    expect(paused.text()).toContain('take payments until Dec 9, 2026');
    announce('dash:account-changed');
    await flushPromises();
    expect(view.get('[data-testid="banner-payouts"]').text()).toContain(
      'Payouts start once your details are checked',
    );
    setLocale('zh-CN');
    announce('dash:account-changed');
    await flushPromises();
    expect(view.get('[data-testid="banner-requirements"]').text()).toContain('提现已暂停');
    expect(view.get('[data-testid="banner-requirements"]').text()).toContain(
      '请补充证件号码以恢复提现',
    );
    view.unmount();
  });

  it('asks for what is due, by when, and leads into onboarding; goes once given', async () => {
    const client = scriptedClient({
      Banner: [
        answer({
          requirements: {
            currentlyDue: ['business_profile.url', 'phone'],
            pastDue: [],
            currentDeadline: '2026-12-09T00:00:00.000Z',
            disabledReason: null,
          },
        }),
        answer({}),
      ],
    });
    const view = await mountBanner(client);
    const due = view.get('[data-testid="banner-requirements"]');
    expect(due.text()).toContain('Add your website, phone number by Dec 9, 2026');
    expect(due.attributes('role')).toBe('status');
    await due.get('a').trigger('click');
    expect(window.location.pathname).toBe('/onboarding');
    announce('dash:account-changed');
    await flushPromises();
    expect(view.find('[data-testid="banner"]').exists()).toBe(false);
  });

  it('asks an account that has not finished onboarding to finish it, not for a list', async () => {
    const due = ['business_type', 'external_account', 'tos_acceptance.date', 'tos_acceptance.ip'];
    const view = await mountBanner(
      scriptedClient({
        Banner: [
          answer({
            detailsSubmitted: false,
            requirements: {
              currentlyDue: due,
              pastDue: due,
              currentDeadline: null,
              disabledReason: 'requirements.past_due',
            },
          }),
        ],
      }),
    );
    const setup = view.get('[data-testid="banner-requirements"]');
    expect(setup.text()).toContain('Finish setting up your account');
    expect(setup.get('a').text()).toBe('Continue setup');
    expect(setup.get('a').attributes('href')).toBe('/onboarding');
  });

  it('names three things at most, then how many more', async () => {
    const view = await mountBanner(
      scriptedClient({
        Banner: [
          answer({
            requirements: {
              currentlyDue: [
                'individual.id_number',
                'individual.dob',
                'external_account',
                'individual.address.city',
                'individual.address.postal_code',
              ],
              pastDue: [],
              currentDeadline: '2026-12-09T00:00:00.000Z',
              disabledReason: null,
            },
          }),
        ],
      }),
    );
    expect(view.get('[data-testid="banner-requirements"]').text()).toContain(
      'Add your ID number, date of birth, bank account and 2 more by Dec 9, 2026',
    );
  });

  it('says payments are paused when past due, urgently', async () => {
    const view = await mountBanner(
      scriptedClient({
        Banner: [
          answer({
            requirements: {
              currentlyDue: ['business_type'],
              pastDue: ['business_type'],
              currentDeadline: '2026-11-01T00:00:00.000Z',
              disabledReason: 'requirements.past_due',
            },
          }),
        ],
      }),
    );
    const due = view.get('[data-testid="banner-requirements"]');
    expect(due.attributes('role')).toBe('alert');
    expect(due.text()).toContain('Payments and payouts are paused');
    expect(due.text()).toContain('Add your business type to turn them back on.');
  });

  it('shows the platform’s notices with their action, in Chinese too', async () => {
    setLocale('zh-CN');
    const view = await mountBanner(
      scriptedClient({
        Banner: [
          answer({
            notices: [
              {
                id: 'ntc_1',
                kind: 'compliance_update',
                title: 'New terms',
                body: 'Read the new terms.',
                actionLabel: null,
                actionUrl: 'https://example.com/terms',
                dueBy: null,
              },
            ],
          }),
        ],
      }),
    );
    const notice = view.get('[data-notice="ntc_1"]');
    expect(notice.text()).toContain('New terms');
    expect(notice.get('a').attributes('href')).toBe('https://example.com/terms');
    expect(notice.get('a').attributes('rel')).toBe('noopener noreferrer');
    expect(notice.get('a').text()).toBe('立即处理');
  });

  it('stays out of the way when nothing is due or it cannot ask', async () => {
    expect(
      (await mountBanner(scriptedClient({ Banner: [answer({})] })))
        .find('[data-testid="banner"]')
        .exists(),
    ).toBe(false);
    const signedOut = await mountBanner(
      scriptedClient({ Banner: [new GraphqlRequestError('no', 'UNAUTHENTICATED')] }),
    );
    expect(signedOut.html()).not.toContain('banner__item');
  });
});

describe('looking again', () => {
  it('makes one request for the mount and the page change that mounted it', async () => {
    const client = scriptedClient({ Banner: [answer({}), answer({})] });
    const { i18n } = createDashI18n(messages);
    const view = mount(NotificationBanner, {
      props: { client },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    window.dispatchEvent(new Event('single-spa:routing-event'));
    await flushPromises();
    expect(client.calls.map(([name]) => name)).toEqual(['Banner']);
    // A later page change asks again.
    window.dispatchEvent(new Event('single-spa:routing-event'));
    await flushPromises();
    expect(client.calls.map(([name]) => name)).toEqual(['Banner', 'Banner']);
    view.unmount();
  });

  it('asks anew when the account changed while a look was under way', async () => {
    const client = scriptedClient({
      Banner: [
        answer({
          requirements: {
            currentlyDue: ['phone'],
            pastDue: [],
            currentDeadline: null,
            disabledReason: null,
          },
        }),
        answer({}),
      ],
    });
    const { i18n } = createDashI18n(messages);
    const view = mount(NotificationBanner, {
      props: { client },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    announce('dash:account-changed');
    await flushPromises();
    expect(client.calls).toHaveLength(2);
    view.unmount();
  });
});
