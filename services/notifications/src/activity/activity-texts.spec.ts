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
      body: 'Provide id number and website to turn payouts back on. You can take payments until Apr 1, 2026; your balance keeps growing meanwhile.',
    });
    expect(activityText('account.updated', item, 'zh-CN').title).toBe('提现已暂停');
  });

  it('name an identity document asked for, or sent', () => {
    expect(
      describeFields(['individual.verification.document', 'company.verification.document']),
    ).toBe('an identity document and a company document');
    expect(describeFields(['representative.verification.document'], 'zh-CN')).toBe('身份证件');
  });

  it('name changed details once each, in the reader’s language', () => {
    expect(describeFields(['tos_acceptance.date', 'tos_acceptance.ip', 'email'])).toBe(
      'acceptance of the services agreement and email address',
    );
    expect(describeFields(['phone', 'email'], 'zh-CN')).toBe('手机号和邮箱');
    expect(describeFields(['phone', 'email', 'displayName'], 'de')).toBe(
      'Telefonnummer, E-Mail-Adresse und Kontoname',
    );
    expect(describeFields(['phone', 'email'], 'ja')).toBe('電話番号、メールアドレス');
  });

  it('name onboarding answers by what they are: a moved house is one address', () => {
    const moved = ['individual.address.line1', 'individual.address.city', 'individual.last_name'];
    expect(describeFields(moved)).toBe('address and legal name');
    expect(describeFields(moved, 'zh-CN')).toBe('地址和法定姓名');
    expect(describeFields(moved, 'fr')).toBe('adresse et nom légal');
    expect(
      describeFields(['company.tax_id', 'owners.1.dob', 'owners.2.first_name', 'business_type']),
    ).toBe('tax id, owners, and business type');
    expect(
      activityText('account.updated', { fields: ['representative.dob'], by: 'account' }, 'en'),
    ).toEqual({ title: 'Account details updated', body: 'You changed: date of birth.' });
  });

  it('say where payouts go now, and what needs doing about a destination', () => {
    const card = { kind: 'card' as const, last4: '5556', currency: 'usd', by: 'account' as const };
    expect(
      activityText('external_account.updated', { ...card, change: 'default_changed' }, 'en'),
    ).toEqual({
      title: 'Your default debit card for USD changed',
      body: 'USD payouts now go to the debit card ending 5556 (chosen by you). If this was not you, contact your platform now.',
    });
    expect(
      activityText('external_account.updated', { ...card, change: 'removed' }, 'zh-CN').title,
    ).toBe('已移除提现借记卡');
    const errored = {
      kind: 'bank_account' as const,
      last4: '1113',
      currency: 'usd',
      by: 'bank' as const,
      change: 'errored' as const,
      failureCode: 'account_closed',
      failureMessage: 'The bank account has been closed.',
    };
    expect(activityText('external_account.updated', errored, 'en')).toEqual({
      title: 'Action needed: bank account ending 1113',
      body: 'A payout to it was returned: The bank account has been closed. Replace it, or add it again once your bank has fixed it.',
    });
  });

  it('say how the payout schedule now runs', () => {
    const weekly = {
      interval: 'weekly' as const,
      weeklyAnchor: 'friday',
      monthlyAnchor: null,
      delayDays: 2,
      timeZone: 'UTC',
      by: 'account' as const,
    };
    expect(activityText('payout_schedule.updated', weekly, 'en')).toEqual({
      title: 'Payout schedule changed',
      body: 'You set payouts to every Friday.',
    });
    expect(
      activityText(
        'payout_schedule.updated',
        { ...weekly, interval: 'monthly', weeklyAnchor: null, monthlyAnchor: 31, by: 'platform' },
        'zh-CN',
      ).body,
    ).toBe('您的平台将提现计划设为每月 31 日。');
  });

  it('say it in every language, amounts, days and weekdays as each writes them', () => {
    expect(activityText('dispute.created', dispute, 'ja')).toEqual({
      title: '支払いに不審請求が申し立てられました',
      body: 'ch_1 の $45.00。2026/03/09 までに対応してください。',
    });
    expect(activityText('dispute.created', dispute, 'de')).toEqual({
      title: 'Eine Zahlung wurde angefochten',
      body: '45,00\u00a0$ für ch_1. Antworten Sie bis 09.03.2026.',
    });
    expect(activityText('payout.upcoming', payout, 'fr').body).toBe(
      '120,00\u00a0$US est en route vers Visa •••• 4242, arrivée prévue le 4 mars 2026.',
    );
    const weekly = {
      interval: 'weekly' as const,
      weeklyAnchor: 'friday',
      monthlyAnchor: null,
      delayDays: 2,
      timeZone: 'UTC',
      by: 'platform' as const,
    };
    expect(activityText('payout_schedule.updated', weekly, 'es').body).toBe(
      'Su plataforma configuró las transferencias como «cada viernes».',
    );
    expect(activityText('payout_schedule.updated', weekly, 'de').body).toBe(
      'Ihre Plattform hat Auszahlungen auf „jeden Freitag“ gestellt.',
    );
  });

  it('leave an item kept before its facts were as it was written', () => {
    const old = { kind: 'payout.paid', params: null, title: 'Payout paid', body: '$1.00 arrived' };
    expect(readActivity(old, 'zh-CN')).toEqual({ title: 'Payout paid', body: '$1.00 arrived' });
  });
});
