import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  riskInterventions: [],
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

describe('risk interventions in the banner', () => {
  type Intervention = Me['riskInterventions'][number];
  const intervention = (overrides: Partial<Intervention>): Intervention => ({
    id: 'intv_1',
    kind: 'require_document',
    source: 'automatic',
    signal: 'volume_change',
    reason: 'Volume grew 7.2× against the previous 13 weeks.',
    resolution: 'upload_document',
    question: null,
    requirement: 'individual.verification.document',
    reservePercent: null,
    reserveDays: null,
    pausesPayouts: true,
    disablesCharges: false,
    ...overrides,
  });
  const held = (...riskInterventions: Intervention[]) =>
    answer({
      payoutsEnabled: false,
      requirements: {
        currentlyDue: riskInterventions.flatMap((one) =>
          one.requirement ? [one.requirement] : [],
        ),
        pastDue: [],
        currentDeadline: null,
        disabledReason: 'under_review',
      },
      riskInterventions,
    });
  const uploads: string[] = [];
  beforeEach(() => {
    uploads.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        uploads.push(`${url} ${(init.body as File).name}`);
        return new Response(JSON.stringify({ id: `file_${uploads.length}` }), { status: 200 });
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const choose = async (view: Awaited<ReturnType<typeof mountBanner>>, name: string) => {
    const input = view.get(`input[name="${name}"]`);
    const file = new File(['file_identity_document_success'], `${name}.png`, { type: 'image/png' });
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
  };

  it('asks for a document in words of its own, uploads it here, and goes once lifted', async () => {
    const client = scriptedClient({
      Banner: [held(intervention({})), answer({})],
      AttachVerificationDocument: [
        { attachVerificationDocument: { id: 'vdoc_1', status: 'verified' } },
      ],
    });
    const view = await mountBanner(client);
    const notice = view.get('[data-testid="risk-intervention"]');
    expect(notice.text()).toContain('Payouts are paused: upload an identity document');
    expect(notice.text()).toContain(
      'Your sales grew much faster than usual. Payouts wait; you can still take payments.',
    );
    // The platform's own wording of an automatic one is for the platform.
    expect(notice.text()).not.toContain('Volume grew');
    // The document is asked for here, not again as a requirement, nor as "being checked".
    expect(view.find('[data-testid="banner-requirements"]').exists()).toBe(false);
    expect(view.find('[data-testid="banner-payouts"]').exists()).toBe(false);

    const send = view.get('[data-testid="risk-send-document"]');
    expect(send.attributes('disabled')).toBeDefined();
    await view.get('select').setValue('id_card');
    await choose(view, 'document-front');
    expect(send.attributes('disabled')).toBeDefined(); // an id card has a back
    await choose(view, 'document-back');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(uploads).toEqual([
      '/files?purpose=identity_document document-front.png',
      '/files?purpose=identity_document document-back.png',
    ]);
    expect(client.calls.find(([name]) => name === 'AttachVerificationDocument')![1]).toEqual({
      input: {
        requirement: 'individual.verification.document',
        type: 'id_card',
        front: 'file_1',
        back: 'file_2',
      },
    });
    expect(view.find('[data-testid="banner"]').exists()).toBe(false);
    view.unmount();
  });

  it('says why an upload was refused, and keeps the form', async () => {
    const client = scriptedClient({
      Banner: [held(intervention({}))],
      AttachVerificationDocument: [
        new GraphqlRequestError('refused', 'BAD_USER_INPUT', undefined, {
          reason: 'DOCUMENT_UNDER_REVIEW',
        }),
      ],
    });
    const view = await mountBanner(client);
    await choose(view, 'document-front');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(view.get('[data-testid="risk-problem"]').text()).toBe(
      'A document for this is already being checked.',
    );
    view.unmount();
  });

  it('confirms details, and answers a question of at least 10 characters', async () => {
    const confirm = intervention({
      id: 'intv_confirm',
      kind: 'require_information',
      signal: 'payout_failures',
      resolution: 'confirm',
      requirement: 'risk_intervention.intv_confirm',
    });
    const ask = intervention({
      id: 'intv_ask',
      kind: 'require_information',
      source: 'platform',
      signal: null,
      reason: 'We saw many refunds last week.',
      resolution: 'answer',
      question: 'What changed in your business?',
      requirement: 'risk_intervention.intv_ask',
    });
    const client = scriptedClient({
      Banner: [held(confirm, ask), held(ask), answer({})],
      ResolveRiskIntervention: [
        { resolveRiskIntervention: { id: 'intv_confirm', status: 'lifted' } },
        { resolveRiskIntervention: { id: 'intv_ask', status: 'lifted' } },
      ],
    });
    const view = await mountBanner(client);
    const [first, second] = view.findAll('[data-testid="risk-intervention"]');
    expect(first!.text()).toContain('Payouts are paused: confirm your details');
    expect(first!.text()).toContain('Several payouts to your bank were returned.');
    expect(second!.text()).toContain('Your platform says: “We saw many refunds last week.”');
    expect(second!.text()).toContain('What changed in your business?');
    // The requirements it made due are not listed again under their keys.
    expect(view.text()).not.toContain('intv_');

    await view.get('[data-testid="risk-confirm"]').trigger('click');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'ResolveRiskIntervention')[0]![1]).toEqual({
      id: 'intv_confirm',
      confirm: true,
      answer: null,
    });
    const answerBox = view.get('[data-testid="risk-answer"]');
    await answerBox.setValue('  short  ');
    expect(view.get('[data-testid="risk-send-answer"]').attributes('disabled')).toBeDefined();
    await answerBox.setValue('  We ran a sale on event tickets.  ');
    await view.get('[data-testid="risk-send-answer"]').trigger('submit');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'ResolveRiskIntervention')[1]![1]).toEqual({
      id: 'intv_ask',
      confirm: null,
      answer: 'We ran a sale on event tickets.',
    });
    expect(view.find('[data-testid="banner"]').exists()).toBe(false);
    view.unmount();
  });

  it('explains a rolling reserve and a payment pause, with nothing to do (and in Chinese)', async () => {
    const view = await mountBanner(
      scriptedClient({
        Banner: [
          answer({
            chargesEnabled: false,
            payoutsEnabled: false,
            riskInterventions: [
              intervention({
                id: 'intv_r',
                kind: 'rolling_reserve',
                signal: 'refund_rate',
                resolution: 'none',
                requirement: null,
                reservePercent: 10,
                reserveDays: 30,
                pausesPayouts: false,
              }),
              intervention({
                id: 'intv_c',
                kind: 'disable_charges',
                signal: 'dispute_rate',
                resolution: 'none',
                requirement: null,
                disablesCharges: true,
              }),
            ],
          }),
        ],
      }),
    );
    const [reserve, charges] = view.findAll('[data-testid="risk-intervention"]');
    expect(reserve!.text()).toContain('A rolling reserve of 10% for 30 days');
    expect(reserve!.text()).toContain('10% of each payment is held for 30 days');
    expect(charges!.text()).toContain('Payments and payouts are paused');
    expect(charges!.text()).toContain('Your platform lifts this once its review is done.');
    expect(view.findAll('button, form')).toHaveLength(0);
    setLocale('zh-CN');
    await flushPromises();
    expect(view.findAll('[data-testid="risk-intervention"]')[0]!.text()).toContain(
      '滚动保证金：10%，为期 30 天',
    );
    view.unmount();
  });
});
