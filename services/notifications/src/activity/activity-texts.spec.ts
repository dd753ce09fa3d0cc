import { describe, expect, it } from 'vitest';
import type { RequirementsSummary } from '@dash/events';
import { activityText, describeFields, readActivity } from './activity-texts.rules.js';

const dispute = {
  disputeId: 'dp_1',
  chargeId: 'ch_1',
  amount: 4_500,
  currency: 'usd',
  reason: 'fraudulent',
  status: 'needs_response',
  evidenceDueBy: '2026-03-09T00:00:00.000Z',
};
const payout = {
  payoutId: 'po_1',
  amount: 12_000,
  currency: 'usd',
  method: 'instant' as const,
  arrivalDate: '2026-03-04T00:00:00.000Z',
  destination: 'Visa •••• 4242',
};
const requirements = (change: Partial<RequirementsSummary>): RequirementsSummary => ({
  currentlyDue: [],
  newlyDue: [],
  pastDue: [],
  pendingVerification: [],
  errors: [],
  currentDeadline: null,
  detailsSubmitted: true,
  chargesEnabled: true,
  payoutsEnabled: true,
  ...change,
});

describe('activity texts', () => {
  it('say what happened in English, amounts and days as the reader writes them', () => {
    expect(activityText('dispute.created', dispute, 'en')).toEqual({
      title: 'A payment was disputed',
      body: '$45.00 for ch_1. Respond by Mar 9, 2026.',
    });
    expect(activityText('payout.created', payout, 'en').body).toBe(
      '$120.00 to Visa •••• 4242, instantly.',
    );
  });

  it('say the same in Chinese', () => {
    expect(activityText('dispute.created', dispute, 'zh-CN')).toEqual({
      title: '一笔付款被争议',
      body: 'ch_1 的 US$45.00。请在 2026年3月9日 前回复。',
    });
    expect(activityText('dispute.closed', { ...dispute, status: 'won' }, 'zh-CN').title).toBe(
      '您赢得了一笔争议',
    );
  });

  it('tell an inquiry from a chargeback', () => {
    const inquiry = { ...dispute, status: 'warning_needs_response' };
    expect(activityText('dispute.created', inquiry, 'en').title).toBe(
      'A cardholder asked about a payment',
    );
  });

  it('say why money stopped when the platform needs more', () => {
    const due = requirements({
      currentlyDue: ['individual.id_number', 'businessProfile.url'],
      currentDeadline: '2026-04-01T00:00:00.000Z',
      payoutsEnabled: false,
    });
    const item = { fields: [], by: 'platform' as const, requirements: due };
    expect(activityText('account.updated', item, 'en')).toEqual({
      title: 'Payouts are paused',
      body: 'Provide id number, website to turn payouts back on. You can take payments until Apr 1, 2026; your balance keeps growing meanwhile.',
    });
    expect(activityText('account.updated', item, 'zh-CN').title).toBe('提现已暂停');
  });

  it('name changed details once each, in the reader’s language', () => {
    expect(describeFields(['tos_acceptance.date', 'tos_acceptance.ip', 'email'])).toBe(
      'acceptance of the services agreement, email address',
    );
    expect(describeFields(['phone', 'email'], 'zh-CN')).toBe('手机号、邮箱');
  });

  it('leave an item kept before its facts were as it was written', () => {
    const old = { kind: 'payout.paid', params: null, title: 'Payout paid', body: '$1.00 arrived' };
    expect(readActivity(old, 'zh-CN')).toEqual({ title: 'Payout paid', body: '$1.00 arrived' });
  });
});
