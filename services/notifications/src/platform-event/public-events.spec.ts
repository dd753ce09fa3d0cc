import { describe, expect, it } from 'vitest';
import { EVENT_SUBSCRIPTIONS, type DomainEvent } from '@dash/events';
import {
  PUBLIC_EVENT_TYPES,
  PUBLISHED_DOMAIN_EVENTS,
  publicEventOf,
  webhookPayload,
} from './public-events.rules.js';

const payout = {
  payoutId: 'po_1',
  amount: 1200,
  currency: 'usd',
  method: 'standard' as const,
  arrivalDate: '2026-12-07T00:00:00.000Z',
  destination: 'Simulated Bank •••• 6789',
};
const event = <Type extends DomainEvent['type']>(type: Type, data: DomainEvent<Type>['data']) =>
  ({
    id: 'evt_1',
    type,
    source: 'payouts',
    accountId: 'acct_1',
    platformId: 'plat_1',
    livemode: false,
    occurredAt: '2026-12-05T10:00:00.000Z',
    data,
  }) as DomainEvent;

describe('public events', () => {
  it('are heard by notifications for every domain event that becomes one', () => {
    const heard = new Set<string>(EVENT_SUBSCRIPTIONS.notifications);
    expect(PUBLISHED_DOMAIN_EVENTS.filter((type) => !heard.has(type))).toEqual([]);
  });

  it('name payouts, disputes and accounts as Stripe does', () => {
    expect(publicEventOf(event('payout.upcoming', payout))).toMatchObject({
      type: 'payout.updated',
      object: { id: 'po_1', object: 'payout', status: 'in_transit', account: 'acct_1' },
    });
    expect(publicEventOf(event('account.closed', { by: 'account' }))?.type).toBe('account.updated');
    expect(
      publicEventOf(
        event('dispute.created', {
          disputeId: 'dp_1',
          chargeId: 'ch_1',
          amount: 500,
          currency: 'usd',
          reason: 'fraudulent',
          status: 'needs_response',
          evidenceDueBy: null,
        }),
      )?.type,
    ).toBe('charge.dispute.created');
  });

  it('cover every public type with some domain event', () => {
    const samples = ['added', 'updated', 'removed'].map((change): Record<string, unknown> => ({
      ...payout,
      fields: [],
      by: 'account',
      change,
    }));
    const produced = new Set(
      PUBLISHED_DOMAIN_EVENTS.flatMap((type) =>
        samples.map((sample) => publicEventOf(event(type, sample as never))?.type),
      ),
    );
    expect(PUBLIC_EVENT_TYPES.filter((type) => !produced.has(type))).toEqual([]);
  });

  it('keep what concerns only the platform itself out', () => {
    expect(
      publicEventOf(
        event('api_key.created', { keyId: 'key_1', last4: '1234', createdByKeyId: null }),
      ),
    ).toBeNull();
  });

  it('are delivered in the shape Stripe sends: seconds, and the object under data', () => {
    expect(
      webhookPayload({
        id: 'evt_1',
        type: 'payout.paid',
        livemode: true,
        account: 'acct_1',
        object: { id: 'po_1' },
        createdAt: new Date('2026-12-05T10:00:01.900Z'),
      }),
    ).toEqual({
      id: 'evt_1',
      object: 'event',
      type: 'payout.paid',
      created: Date.UTC(2026, 11, 5, 10, 0, 1) / 1000,
      livemode: true,
      account: 'acct_1',
      data: { object: { id: 'po_1' } },
    });
  });
});
