import type { DomainEvent, DomainEventType, PayoutFacts, DisputeFacts } from '@dash/events';

/**
 * The events a platform's servers receive (webhooks) and can list (`events`), named as
 * Stripe names them so an integration written for Connect reads them without a glossary.
 */
export const PUBLIC_EVENT_TYPES = [
  'account.updated',
  'account.external_account.created',
  'account.external_account.updated',
  'account.external_account.deleted',
  'payout.created',
  'payout.updated',
  'payout.paid',
  'payout.failed',
  'payout.canceled',
  'charge.succeeded',
  'charge.failed',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_reinstated',
  'balance.available',
  'recovery_debit.updated',
] as const;

export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

export const isPublicEventType = (type: string): type is PublicEventType =>
  (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);

/** A public event before it is stored: what happened, to whom, and the object as it is now. */
export interface PublicEventDraft {
  type: PublicEventType;
  object: Record<string, unknown>;
}

const payoutObject = (event: DomainEvent, facts: PayoutFacts, status: string) => ({
  id: facts.payoutId,
  object: 'payout',
  account: event.accountId,
  amount: facts.amount,
  currency: facts.currency,
  method: facts.method,
  arrivalDate: facts.arrivalDate,
  destination: facts.destination,
  status,
});

const disputeObject = (event: DomainEvent, facts: DisputeFacts) => ({
  id: facts.disputeId,
  object: 'dispute',
  account: event.accountId,
  charge: facts.chargeId,
  amount: facts.amount,
  currency: facts.currency,
  reason: facts.reason,
  status: facts.status,
  evidenceDueBy: facts.evidenceDueBy,
});

type Translations = {
  [Type in DomainEventType]: ((event: DomainEvent<Type>) => PublicEventDraft) | null;
};

/**
 * How each domain event appears to platforms; null for what stays inside (a platform's own
 * settings and keys, which it changed itself). Payloads carry no contact details or secrets,
 * as the domain events they come from carry none.
 */
const TRANSLATIONS: Translations = {
  'account.updated': (event) => ({
    type: 'account.updated',
    object: {
      id: event.accountId,
      object: 'account',
      changed: event.data.fields,
      by: event.data.by,
      ...(event.data.requirements ? { requirements: event.data.requirements } : {}),
      ...(event.data.interventions ? { interventions: event.data.interventions } : {}),
      ...(event.data.intervention ? { intervention: event.data.intervention } : {}),
    },
  }),
  'account.closed': (event) => ({
    type: 'account.updated',
    object: { id: event.accountId, object: 'account', changed: ['closed'], closed: true },
  }),
  'external_account.updated': (event) => ({
    type:
      event.data.change === 'added'
        ? 'account.external_account.created'
        : event.data.change === 'removed'
          ? 'account.external_account.deleted'
          : 'account.external_account.updated',
    object: {
      ...(event.data.externalAccountId ? { id: event.data.externalAccountId } : {}),
      object: event.data.kind,
      account: event.accountId,
      last4: event.data.last4,
      currency: event.data.currency,
      change: event.data.change,
      ...(event.data.defaultForCurrency === undefined
        ? {}
        : { defaultForCurrency: event.data.defaultForCurrency }),
      ...(event.data.change === 'errored'
        ? {
            status: 'errored',
            failureCode: event.data.failureCode,
            failureMessage: event.data.failureMessage,
          }
        : {}),
    },
  }),
  'payout_schedule.updated': (event) => ({
    type: 'account.updated',
    object: {
      id: event.accountId,
      object: 'account',
      changed: ['settings.payouts.schedule'],
      by: event.data.by,
      settings: {
        payouts: {
          schedule: {
            interval: event.data.interval,
            weeklyAnchor: event.data.weeklyAnchor,
            monthlyAnchor: event.data.monthlyAnchor,
            delayDays: event.data.delayDays,
            timeZone: event.data.timeZone,
          },
        },
      },
    },
  }),
  'payout.created': (event) => ({
    type: 'payout.created',
    object: payoutObject(event, event.data, 'pending'),
  }),
  'payout.upcoming': (event) => ({
    type: 'payout.updated',
    object: payoutObject(event, event.data, 'in_transit'),
  }),
  'payout.paid': (event) => ({
    type: 'payout.paid',
    object: payoutObject(event, event.data, 'paid'),
  }),
  'payout.failed': (event) => ({
    type: 'payout.failed',
    object: {
      ...payoutObject(event, event.data, 'failed'),
      failureCode: event.data.failureCode,
      failureMessage: event.data.failureMessage,
    },
  }),
  'payout.canceled': (event) => ({
    type: 'payout.canceled',
    object: payoutObject(event, event.data, 'canceled'),
  }),
  'charge.succeeded': (event) => ({
    type: 'charge.succeeded',
    object: { ...chargeObject(event), status: 'succeeded' },
  }),
  'charge.failed': (event) => ({
    type: 'charge.failed',
    object: { ...chargeObject(event), status: 'failed', failureMessage: event.data.failureMessage },
  }),
  'charge.refunded': (event) => ({
    type: 'charge.refunded',
    object: {
      id: event.data.chargeId,
      object: 'charge',
      account: event.accountId,
      refund: {
        id: event.data.refundId,
        object: 'refund',
        amount: event.data.amount,
        currency: event.data.currency,
      },
    },
  }),
  'dispute.created': (event) => ({
    type: 'charge.dispute.created',
    object: disputeObject(event, event.data),
  }),
  'dispute.funds_withdrawn': (event) => ({
    type: 'charge.dispute.funds_withdrawn',
    object: { ...disputeObject(event, event.data), fee: event.data.fee },
  }),
  'dispute.updated': (event) => ({
    type: 'charge.dispute.updated',
    object: disputeObject(event, event.data),
  }),
  'dispute.closed': (event) => ({
    type: 'charge.dispute.closed',
    object: disputeObject(event, event.data),
  }),
  'dispute.funds_reinstated': (event) => ({
    type: 'charge.dispute.funds_reinstated',
    object: disputeObject(event, event.data),
  }),
  'balance.available': (event) => ({
    type: 'balance.available',
    object: {
      object: 'balance',
      account: event.accountId,
      available: event.data.available,
      pending: event.data.pending,
    },
  }),
  'platform.updated': null,
  'api_key.created': null,
  'api_key.revoked': null,
  // Tax information stays between the account and the ledger; platforms list forms with taxForms.
  'tax_info.updated': null,
  'tax_form.available': null,
  // The ledger's assessment reaches platforms as what identity does with it (account.updated).
  'risk.assessed': null,
  'recovery_debit.updated': (event) => ({
    type: 'recovery_debit.updated',
    object: {
      id: event.data.recoveryDebitId,
      object: 'recovery_debit',
      account: event.accountId,
      amount: event.data.amount,
      currency: event.data.currency,
      status: event.data.status,
      attempt: event.data.attempt,
      destination: event.data.destination,
      failureCode: event.data.failureCode ?? null,
      failureMessage: event.data.failureMessage ?? null,
      nextAttemptAt: event.data.nextAttemptAt ?? null,
    },
  }),
};

function chargeObject(event: DomainEvent<'charge.succeeded' | 'charge.failed'>) {
  const facts = event.data;
  return {
    id: facts.chargeId,
    object: 'charge',
    account: event.accountId,
    amount: facts.amount,
    currency: facts.currency,
    fee: facts.fee,
    applicationFeeAmount: facts.applicationFeeAmount,
    description: facts.description,
    created: facts.created,
  };
}

/** The public event a domain event makes, or null when platforms are not told of it. */
export function publicEventOf(event: DomainEvent): PublicEventDraft | null {
  const translate = TRANSLATIONS[event.type] as ((event: DomainEvent) => PublicEventDraft) | null;
  return translate ? translate(event) : null;
}

/** The domain events that become public events: what notifications subscribes to for them. */
export const PUBLISHED_DOMAIN_EVENTS = (Object.keys(TRANSLATIONS) as DomainEventType[]).filter(
  (type) => TRANSLATIONS[type] !== null,
);

/**
 * The JSON body of a webhook: the event in Stripe's shape (`created` in seconds, the object
 * under `data.object`).
 */
export const webhookPayload = (event: {
  id: string;
  type: string;
  livemode: boolean;
  account: string | null;
  object: Record<string, unknown>;
  createdAt: Date;
}) => ({
  id: event.id,
  object: 'event',
  type: event.type,
  created: Math.floor(event.createdAt.getTime() / 1000),
  livemode: event.livemode,
  account: event.account,
  data: { object: event.object },
});
