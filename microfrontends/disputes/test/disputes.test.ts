import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  createDashI18n,
  GraphqlRequestError,
  setLocale,
  setSession,
  type GraphqlClient,
} from '@dash/web-kit';
import DisputesPage from '../src/DisputesPage.vue';
import { messages } from '../src/messages.js';
import {
  uploadThroughShell,
  type DisputeDetail,
  type DisputeRow,
  type Uploader,
} from '../src/disputes-api.js';

/** The shared session, as the page reads it when mounted without the shell. */
const account = (manageDisputes = true, support: Record<string, string | null> = {}) => ({
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
        issueRefunds: false,
        editPayoutSchedule: false,
        editBankAccounts: false,
        instantPayouts: false,
        manageDisputes,
        reserveTopUps: false,
      },
    },
  },
});
const row = (overrides: Partial<DisputeRow> = {}): DisputeRow => ({
  id: 'dp_1',
  createdAt: '2026-11-20T10:00:00.000Z',
  amount: 4_350,
  currency: 'usd',
  reason: 'product_not_received',
  status: 'needs_response',
  evidenceDueBy: '2026-12-01T10:00:00.000Z',
  overdue: false,
  charge: 'ch_7',
  ...overrides,
});
/** A page of the list as the server answers it; `endCursor` set when another follows. */
const page = (nodes: DisputeRow[], endCursor: string | null = null) => ({
  me: {
    disputes: {
      nodes,
      pageInfo: {
        hasNextPage: endCursor !== null,
        endCursor: endCursor ?? nodes.at(-1)?.id ?? null,
      },
    },
  },
});
const detail = (overrides: Partial<DisputeDetail> = {}) => ({
  me: {
    dispute: {
      ...row(),
      fee: 1_500,
      isChargeRefundable: false,
      evidenceSubmittedAt: null,
      evidence: { shippingCarrier: 'UPS' },
      evidenceFields: [
        { name: 'shippingCarrier', kind: 'text', required: true },
        { name: 'shippingTrackingNumber', kind: 'text', required: true },
        { name: 'shippingDocumentation', kind: 'file', required: false },
      ],
      evidenceFiles: [],
      timeline: [
        { type: 'opened', at: '2026-11-20T10:00:00.000Z' },
        { type: 'funds_withdrawn', at: '2026-11-20T10:00:01.000Z' },
      ],
      ...overrides,
    } as DisputeDetail,
  },
});
const payment = {
  me: {
    payment: {
      id: 'ch_7',
      amount: 4_350,
      currency: 'usd',
      description: 'Ride #1007',
      createdAt: '2026-11-10T10:00:00.000Z',
      customer: { name: 'Ana Lima', email: 'ana@example.com' },
    },
  },
};

async function mountPage(client: GraphqlClient, path = '/disputes', upload?: Uploader) {
  window.history.replaceState(null, '', path);
  const { i18n } = createDashI18n(messages);
  const view = mount(DisputesPage, {
    props: { client, ...(upload ? { upload } : {}) },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return view;
}

beforeEach(() => {
  setLocale('en');
  setSession({});
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('disputes list', () => {
  it('shows status, reason and the due date, flagging an overdue one', async () => {
    const view = await mountPage(
      scriptedClient({
        Session: [account()],
        Disputes: [
          page([
            row({ id: 'dp_late', overdue: true, evidenceDueBy: '2026-11-01T10:00:00.000Z' }),
            row(),
            row({ id: 'dp_won', status: 'won', evidenceDueBy: null }),
          ]),
        ],
      }),
    );
    expect(view.get('[data-id="dp_late"]').text()).toContain('Overdue since Nov 1, 2026');
    expect(view.get('[data-id="dp_late"] [data-overdue]').attributes('data-overdue')).toBe('true');
    expect(view.get('[data-id="dp_1"]').text()).toContain('Needs response');
    expect(view.get('[data-id="dp_1"]').text()).toContain('Product not received');
    expect(view.get('[data-id="dp_1"]').text()).toContain('Respond by');
    expect(view.get('[data-id="dp_won"]').text()).not.toContain('Respond by');
  });

  it('shows more, page by page, from where the last page ended', async () => {
    const client = scriptedClient({
      Session: [account()],
      Disputes: [
        page([row({ id: 'dp_a' }), row({ id: 'dp_b' })], 'cursor_b'),
        page([row({ id: 'dp_c', status: 'won', evidenceDueBy: null })]),
      ],
    });
    const view = await mountPage(client);
    expect(client.calls.filter(([name]) => name === 'Disputes')).toEqual([
      ['Disputes', { after: null }],
    ]);
    const more = view.findAll('button').find((button) => button.text() === 'Show more')!;
    await more.trigger('click');
    await flushPromises();
    expect(client.calls.filter(([name]) => name === 'Disputes').at(-1)).toEqual([
      'Disputes',
      { after: 'cursor_b' },
    ]);
    expect(view.findAll('[data-id]').map((item) => item.attributes('data-id'))).toEqual([
      'dp_a',
      'dp_b',
      'dp_c',
    ]);
    expect(view.findAll('button').some((button) => button.text() === 'Show more')).toBe(false);
  });

  it('says why it is empty, in Chinese too', async () => {
    setLocale('zh-CN');
    const view = await mountPage(scriptedClient({ Session: [account()], Disputes: [page([])] }));
    expect(view.get('[data-testid="disputes-empty"]').text()).toContain('没有争议');
  });
});

describe('responding to a dispute', () => {
  it('shows the payment and timeline, saves a draft, and names what is missing on submit', async () => {
    const client = scriptedClient({
      Session: [account()],
      Dispute: [detail(), detail()],
      DisputedPayment: [payment, payment],
      SaveDisputeEvidence: [
        { saveDisputeEvidence: { id: 'dp_1' } },
        { saveDisputeEvidence: { id: 'dp_1' } },
      ],
      SubmitDisputeEvidence: [
        new GraphqlRequestError('missing', 'BAD_USER_INPUT', 'shippingTrackingNumber', {
          reason: 'EVIDENCE_INCOMPLETE',
        }),
      ],
    });
    const view = await mountPage(client, '/disputes/dp_1');
    expect(view.get('[data-testid="payment"]').text()).toContain('ana@example.com');
    expect(view.get('[data-testid="timeline"]').text()).toContain(
      'Amount and fee taken from your balance',
    );
    expect((view.get('[data-field="shippingCarrier"]').element as HTMLInputElement).value).toBe(
      'UPS',
    );
    await view.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    expect(client.calls.find(([name]) => name === 'SaveDisputeEvidence')![1]).toEqual({
      id: 'dp_1',
      evidence: { shippingCarrier: 'UPS', shippingTrackingNumber: '', shippingDocumentation: '' },
    });
    expect(view.get('[role="status"]').text()).toBe('Draft saved.');
    await view.get('[data-testid="evidence-form"]').trigger('submit');
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toBe(
      'Add the Tracking number (and any other required field) before submitting.',
    );
    expect(view.get('[data-field="shippingTrackingNumber"]').attributes('aria-invalid')).toBe(
      'true',
    );
  });

  it('says how to reach the platform when it responds to disputes itself', async () => {
    const refused = () =>
      new GraphqlRequestError('off', 'FORBIDDEN', undefined, { reason: 'FEATURE_DISABLED' });
    const client = scriptedClient({
      Session: [
        account(true, {
          supportEmail: 'help@rocketrides.example',
          supportPhone: '+14155550123',
          supportUrl: 'javascript:alert(1)',
        }),
      ],
      Dispute: [detail()],
      DisputedPayment: [payment],
      SaveDisputeEvidence: [refused()],
    });
    const view = await mountPage(client, '/disputes/dp_1');
    await view.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toBe('Your platform responds to disputes for you.');
    const contact = view.get('[data-testid="support-contact"]');
    expect(contact.text()).toBe('Contact Rocket Rides: help@rocketrides.example · +14155550123');
    expect(contact.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
    ]);
  });

  it('uploads a file for a file field and saves it with the evidence', async () => {
    const uploaded: File[] = [];
    const client = scriptedClient({
      Session: [account()],
      Dispute: [
        detail(),
        detail({
          evidence: { shippingDocumentation: 'file_1' },
          evidenceFiles: [{ id: 'file_1', filename: 'label.pdf' }],
        }),
      ],
      DisputedPayment: [payment, payment],
      SaveDisputeEvidence: [{ saveDisputeEvidence: { id: 'dp_1' } }],
    });
    const view = await mountPage(client, '/disputes/dp_1', async (file) => {
      uploaded.push(file);
      return { id: 'file_1', filename: file.name };
    });
    const input = view.get('[data-field="shippingDocumentation"]');
    const file = new File(['%PDF-1.4'], 'label.pdf', { type: 'application/pdf' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    expect(uploaded.map((f) => f.name)).toEqual(['label.pdf']);
    expect(client.calls.find(([name]) => name === 'SaveDisputeEvidence')![1]).toEqual({
      id: 'dp_1',
      evidence: {
        shippingCarrier: 'UPS',
        shippingTrackingNumber: '',
        shippingDocumentation: 'file_1',
      },
    });
    expect(view.text()).toContain('label.pdf');
  });

  it('accepts only after the dialog restates the consequence', async () => {
    const client = scriptedClient({
      Session: [account()],
      Dispute: [detail(), detail({ status: 'lost' })],
      DisputedPayment: [payment, payment],
      AcceptDispute: [{ acceptDispute: { id: 'dp_1' } }],
    });
    const view = await mountPage(client, '/disputes/dp_1');
    await view.get('[data-testid="accept"]').trigger('click');
    expect(view.get('[data-testid="accept-dialog"]').text()).toContain('$58.50');
    await view.get('[data-testid="accept-confirm"]').trigger('click');
    await flushPromises();
    expect(client.calls.map(([name]) => name)).toContain('AcceptDispute');
    expect(view.get('[role="status"]').text()).toBe('Dispute accepted and closed.');
    expect(view.find('[data-testid="evidence-form"]').exists()).toBe(false);
  });

  it('offers no response past the due date, or where the platform responds', async () => {
    const late = await mountPage(
      scriptedClient({
        Session: [account()],
        Dispute: [detail({ overdue: true })],
        DisputedPayment: [payment],
      }),
      '/disputes/dp_1',
    );
    expect(late.get('[data-testid="due"]').text()).toContain('can no longer be submitted');
    expect(late.find('[data-testid="evidence-form"]').exists()).toBe(false);
    late.unmount();
    // Another page load, on a platform that responds to disputes itself.
    setSession({});
    const off = await mountPage(
      scriptedClient({
        Session: [account(false)],
        Dispute: [detail()],
        DisputedPayment: [payment],
      }),
      '/disputes/dp_1',
    );
    expect(off.find('[data-testid="evidence-form"]').exists()).toBe(false);
  });
});

describe('after an action', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the dispute again, not the payment, which nothing here changes', async () => {
    const client = scriptedClient({
      Session: [account()],
      Dispute: [detail(), detail({ evidence: { shippingCarrier: 'DHL' } })],
      DisputedPayment: [payment],
      SaveDisputeEvidence: [{ saveDisputeEvidence: { id: 'dp_1' } }],
    });
    const view = await mountPage(client, '/disputes/dp_1');
    await view.get('[data-testid="save"]').trigger('click');
    await flushPromises();
    expect(client.calls.map(([name]) => name)).toEqual([
      'Session',
      'Dispute',
      'DisputedPayment',
      'SaveDisputeEvidence',
      'Dispute',
    ]);
    expect((view.get('[data-field="shippingCarrier"]').element as HTMLInputElement).value).toBe(
      'DHL',
    );
    expect(view.get('[data-testid="payment"]').text()).toContain('ana@example.com');
  });

  it('explains a file the upload refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: {
                code: 'BAD_USER_INPUT',
                message: 'Files can be at most 5 MB.',
                extensions: { reason: 'FILE_TOO_LARGE' },
              },
            }),
            { status: 400, headers: { 'content-type': 'application/json' } },
          ),
      ),
    );
    const client = scriptedClient({
      Session: [account()],
      Dispute: [detail()],
      DisputedPayment: [payment],
    });
    const view = await mountPage(client, '/disputes/dp_1', uploadThroughShell);
    const input = view.get('[data-field="shippingDocumentation"]');
    const file = new File(['%PDF-1.4'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toBe('That file is too large (at most 5 MB).');
    expect(client.calls.map(([name]) => name)).not.toContain('SaveDisputeEvidence');
  });
});
