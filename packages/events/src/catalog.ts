/**
 * Every domain event, its payload, and who consumes it — the one list producers and consumers
 * agree on. Payloads name what happened, never secrets or a person's contact details: they are
 * stored in outboxes and queues that outlive the change. (A platform's own business addresses —
 * the support contact it shows its accounts, where its technical notices go — are part of how
 * it presents itself, not a person's details, and travel in `platform.updated`. A US account's
 * legal name and tax address travel in `tax_info.updated`, to the one consumer that prints them
 * on the account's tax forms: the ledger.)
 */
export interface DomainEventData {
  /**
   * Settings or details of an account changed; `fields` names them (email, phone, …), and
   * "requirements" when what the account must provide changed (then `requirements` is the new
   * state).
   */
  'account.updated': {
    fields: string[];
    by: Actor;
    requirements?: RequirementsSummary;
    /**
     * The account's risk interventions in force after this change (present whenever `fields`
     * names "risk_interventions"): what the ledger and payouts enforce.
     */
    interventions?: InterventionsSummary;
    /** The one intervention placed or lifted by this change. */
    intervention?: InterventionChange;
  };
  /** The account was closed and can no longer sign in. */
  'account.closed': { by: Actor };
  /**
   * A US account's tax information (as on its W-9) or its consent to electronic tax forms
   * changed: what the ledger prints on the account's tax forms. The taxpayer id travels only as
   * its type and last four digits; the whole number stays sealed in identity.
   */
  'tax_info.updated': TaxInfoFacts;
  /**
   * A tax form (1099-K or 1099-NEC) of the account is ready in its dashboard: it consented to
   * receiving its tax forms electronically, so it is told (by email too) instead of sent paper.
   */
  'tax_form.available': {
    taxFormId: string;
    taxYear: number;
    formType: 'us_1099_k' | 'us_1099_nec';
    corrected: boolean;
  };
  /**
   * A platform's API key was made: by another of its keys (`createdByKeyId`), or by the
   * operator (null). Never the secret.
   */
  'api_key.created': { keyId: string; last4: string; createdByKeyId: string | null };
  /**
   * A platform's API key was revoked: by another of its keys (`revokedByKeyId`) or the operator
   * (null); `withKeyId` names the key whose revocation took this one along (the key that made
   * it, or an ancestor), null when it was revoked itself.
   */
  'api_key.revoked': {
    keyId: string;
    last4: string;
    revokedByKeyId: string | null;
    withKeyId: string | null;
  };
  /**
   * A platform's name, dashboard feature switches and branding, as they are now (not what
   * changed): `features` live mode's, `testFeatures` test mode's (each mode's keys change only
   * their own). Also recorded when a platform is created.
   */
  'platform.updated': {
    name: string;
    features: Record<string, boolean>;
    testFeatures?: Record<string, boolean>;
    /** Absent in events recorded before branding travelled with them. */
    branding?: PlatformBrandingFacts;
  };
  /** A payout was made (by the schedule, the account or the platform) and left the balance. */
  'payout.created': PayoutFacts;
  /** The bank has the payout: it is on its way, expected on `arrivalDate`. */
  'payout.upcoming': PayoutFacts;
  'payout.paid': PayoutFacts;
  /** The bank returned it; the money is back in the balance. */
  'payout.failed': PayoutFacts & { failureCode: string; failureMessage: string };
  'payout.canceled': PayoutFacts;
  /** A platform charged a card for the account and the money is on the account's balance. */
  'charge.succeeded': ChargeFacts;
  /** A platform's charge was declined: the payment is kept, no money moved. */
  'charge.failed': ChargeFacts & { failureMessage: string };
  /**
   * Funds that were pending became available (their `availableOn` passed): the account's
   * balance as it is now, per currency.
   */
  'balance.available': {
    available: Array<{ amount: number; currency: string }>;
    pending: Array<{ amount: number; currency: string }>;
  };
  /** Money went back to a cardholder: a refund of (part of) a payment. */
  'charge.refunded': {
    chargeId: string;
    refundId: string;
    amount: number;
    currency: string;
    requestedBy: Actor;
    /** The inquiry this full refund answered: it closes (`warning_closed`). */
    closesDispute?: string;
  };
  /** A cardholder disputed a payment (or asked about it, for an inquiry). */
  'dispute.created': DisputeFacts;
  /** The disputed amount and the dispute fee left the balance. */
  'dispute.funds_withdrawn': DisputeFacts & { fee: number };
  /** Evidence was submitted: the network reviews it. */
  'dispute.updated': DisputeFacts;
  /** Won, lost (or accepted), or an inquiry closed. */
  'dispute.closed': DisputeFacts;
  /** A won dispute's amount came back to the balance. */
  'dispute.funds_reinstated': DisputeFacts;
  /**
   * Where payouts go changed: a bank account or card added, replaced (the dashboard's "change
   * bank account"), added again with the same details (`updated`: its error cleared), made the
   * default for its currency, removed — or marked `errored` after a payout to it failed
   * (`by: 'bank'`, with the bank's `failureCode` and `failureMessage`).
   */
  'external_account.updated': {
    change: ExternalAccountChange;
    /** The bank account's `ba_…` or card's `card_…` (absent in events recorded before it was). */
    externalAccountId?: string;
    kind: 'bank_account' | 'card';
    last4: string;
    currency: string;
    /** Whether it is (now) the default for its currency. */
    defaultForCurrency?: boolean;
    by: Actor | 'bank';
    failureCode?: string;
    failureMessage?: string;
  };
  /**
   * The ledger assessed an account's risk signals and the breach state changed: every signal
   * as it is now, and the automatic interventions the platform's risk settings want for them.
   * Identity places what is wanted and not in force, and lifts automatic ones no longer wanted
   * (those an account resolves — a document, an answer — stay until resolved). Consumers keep
   * only the newest assessment per account (`assessedAt`).
   */
  'risk.assessed': {
    assessedAt: string;
    signals: RiskSignalFacts[];
    wanted: WantedIntervention[];
  };
  /**
   * A debit of the account's bank to recover a negative balance changed state: started
   * (`pending`), settled (`succeeded`), failed and will be retried (`retrying`), or given up
   * (`uncollectible`: the platform covered what was owed from its balance).
   */
  'recovery_debit.updated': {
    recoveryDebitId: string;
    status: 'pending' | 'succeeded' | 'retrying' | 'uncollectible';
    amount: number;
    currency: string;
    /** 1 for the first try. */
    attempt: number;
    /** "Simulated Bank •••• 6789". */
    destination: string;
    failureCode?: string;
    failureMessage?: string;
    /** ISO 8601: when a retrying debit is tried again. */
    nextAttemptAt?: string;
  };
  /** The account's payout schedule changed: the schedule as it is now. */
  'payout_schedule.updated': {
    interval: 'daily' | 'weekly' | 'monthly' | 'manual';
    weeklyAnchor: string | null;
    monthlyAnchor: number | null;
    delayDays: number;
    timeZone: string;
    by: Actor;
  };
}

/** What happened to a bank account or card payouts go to. */
export type ExternalAccountChange =
  'added' | 'replaced' | 'updated' | 'default_changed' | 'removed' | 'errored';

/**
 * A US account's tax information as its tax forms show it: the legal name and address given on
 * its W-9, the kind of taxpayer id and its last four digits, whether it certified them, and
 * whether it takes its forms electronically.
 */
export interface TaxInfoFacts {
  legalName: string | null;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postalCode: string;
  } | null;
  tinType: 'ssn' | 'itin' | 'ein' | null;
  tinLast4: string | null;
  /** ISO 8601: when the W-9 certification was signed, or null before it was. */
  certifiedAt: string | null;
  edeliveryConsent: boolean;
}

/** How a platform presents itself to its accounts (dashboard, emails), and where it is reached. */
export interface PlatformBrandingFacts {
  /** `#rrggbb`, already darkened by identity so that white text on it meets WCAG AA. */
  brandColor: string;
  /** A path on the dashboard's origin (`/platform-icons/<platform>/<digest>.<ext>`), or null. */
  iconUrl: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  supportUrl: string | null;
  /** Where notices for the platform's developers go (a webhook endpoint disabled), or null. */
  technicalEmail: string | null;
}

/** What an account must provide now, and what it may do, after a requirements change. */
export interface RequirementsSummary {
  currentlyDue: string[];
  /** What this change made due that was not before (what an email about it names). */
  newlyDue: string[];
  pastDue: string[];
  pendingVerification: string[];
  /** The requirement keys whose verification failed. */
  errors: string[];
  /** ISO 8601: when what is due must be given by, once onboarding is done. */
  currentDeadline: string | null;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
}

/** The ways a platform's provider steps in on an account it judges risky. */
export type InterventionKind =
  | 'pause_payouts'
  | 'rolling_reserve'
  | 'require_document'
  | 'require_information'
  | 'disable_charges';

/** What the ledger watches per account; see `risk.assessed`. */
export type RiskSignalKind =
  'dispute_rate' | 'refund_rate' | 'negative_balance' | 'volume_change' | 'payout_failures';

export interface RiskSignalFacts {
  kind: RiskSignalKind;
  /** `count` or `amount` for the rates; `amount` (negative balance), `factor`, `count`. */
  measure: string;
  windowDays: number;
  value: number;
  threshold: number;
  breached: boolean;
  /** ISO 8601: since when it has been over its threshold, or null. */
  breachedSince: string | null;
}

/** An automatic intervention the risk settings ask for, and the breach that asks for it. */
export interface WantedIntervention {
  kind: InterventionKind;
  signal: RiskSignalKind;
  /** ISO 8601: the start of the breach (an account that resolved this one is not asked again for the same breach). */
  breachedSince: string;
  reservePercent?: number;
  reserveDays?: number;
}

/** What the interventions in force mean for the account's money. */
export interface InterventionsSummary {
  payoutsPaused: boolean;
  chargesDisabled: boolean;
  /** The rolling reserve in force (the highest percentage, the longest hold), or null. */
  rollingReserve: { percent: number; days: number } | null;
}

/** One intervention placed or lifted. */
export interface InterventionChange {
  interventionId: string;
  kind: InterventionKind;
  action: 'placed' | 'lifted';
  /** Who placed it: the risk settings on a signal, or the platform by hand. */
  source: 'automatic' | 'platform';
  signal: RiskSignalKind | null;
  /** Words the account is shown: why it was placed. */
  reason: string;
  /** How the account resolves it in the dashboard. */
  resolution: 'upload_document' | 'confirm' | 'answer' | 'none';
  reservePercent: number | null;
  reserveDays: number | null;
  /** For a lifted one: who lifted it. */
  liftedBy?: 'automatic' | 'platform' | 'account';
}

/** What every charge event says about its payment. */
export interface ChargeFacts {
  chargeId: string;
  amount: number;
  currency: string;
  /** Processing fee plus the platform's application fee; 0 for a declined card. */
  fee: number;
  applicationFeeAmount: number;
  description: string | null;
  /** ISO 8601: the moment the charge was made. */
  created: string;
}

/** What every dispute event says about its dispute. */
export interface DisputeFacts {
  disputeId: string;
  chargeId: string;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  /** ISO 8601, or null once there is nothing left to answer. */
  evidenceDueBy: string | null;
}

/** What every payout event says about its payout. */
export interface PayoutFacts {
  payoutId: string;
  amount: number;
  currency: string;
  method: 'standard' | 'instant';
  /** ISO 8601 (a calendar day at UTC midnight for standard payouts). */
  arrivalDate: string;
  /** "Simulated Bank •••• 6789", "Visa •••• 4242". */
  destination: string;
}

/** Who made a change: the account from its dashboard, or its platform through the API. */
export type Actor = 'account' | 'platform';

export type DomainEventType = keyof DomainEventData;

/**
 * Which consumer receives which events. Each consumer has its own queue, so one slow or stopped
 * consumer never holds up another; the relay fans each event out to every subscriber.
 */
export const EVENT_SUBSCRIPTIONS = {
  notifications: [
    'account.updated',
    'account.closed',
    'payout.created',
    'payout.upcoming',
    'payout.paid',
    'payout.failed',
    'payout.canceled',
    'external_account.updated',
    'payout_schedule.updated',
    'charge.refunded',
    'dispute.created',
    'dispute.funds_withdrawn',
    'dispute.updated',
    'dispute.closed',
    'dispute.funds_reinstated',
    // Told to platforms only (events and webhooks).
    'charge.succeeded',
    'charge.failed',
    'balance.available',
    // A tax form in the dashboard: an activity item and the email e-delivery consent asks for.
    'tax_form.available',
    // Each platform's branding, for the emails to its accounts and the notices to its team.
    'platform.updated',
    // Recovering a negative balance from the bank: an activity item, an email, the platform's event.
    'recovery_debit.updated',
  ],
  // The ledger names payments after the platform, lets accounts refund where it allows, takes
  // no more money for closed accounts, and none for accounts whose charges are off.
  // It also keeps US accounts' tax information, for the tax forms it issues.
  ledger: ['platform.updated', 'account.closed', 'account.updated', 'tax_info.updated'],
  // Payouts lets accounts change schedules and bank accounts where the platform allows, pays
  // nothing more to closed accounts, and holds payouts while an account's payouts are off.
  payouts: ['platform.updated', 'account.closed', 'account.updated'],
  // Identity counts a bank account as provided for the account's requirements, and places and
  // lifts the automatic risk interventions the ledger's assessments ask for.
  identity: ['external_account.updated', 'risk.assessed'],
  // Disputes lets accounts respond and top up their reserve where the platform allows, closes
  // an inquiry that a full refund answered, and takes no evidence uploads for closed accounts.
  disputes: ['platform.updated', 'charge.refunded', 'account.closed'],
} as const satisfies Record<string, readonly DomainEventType[]>;

export type EventConsumerName = keyof typeof EVENT_SUBSCRIPTIONS;
export type SubscribedType<Consumer extends EventConsumerName> =
  (typeof EVENT_SUBSCRIPTIONS)[Consumer][number];

/** An event as it travels: who it concerns, when it happened, and its payload. */
export interface DomainEvent<Type extends DomainEventType = DomainEventType> {
  /** `evt_…`; also the job id in every consumer's queue, so a re-publish queues nothing new. */
  id: string;
  type: Type;
  /** The service whose change this was. */
  source: string;
  /** Null for events about a whole platform. */
  accountId: string | null;
  platformId: string;
  livemode: boolean;
  /** ISO 8601, the moment of the change (its transaction), not of delivery. */
  occurredAt: string;
  data: DomainEventData[Type];
}

/** The queue one consumer reads its events from. */
export const eventQueueName = (consumer: EventConsumerName) => `events-${consumer}`;
