import type { EntityManager } from 'typeorm';
import { requestDelivery, type DeliveryJobs } from '@dash/contracts';
import { ACCOUNT_CONTACT_PATH, type AccountContact } from '@dash/contracts';
import type { DomainEvent } from '@dash/events';
import type { SecretKeys } from '@dash/config';
import type { TypedQueue } from '@dash/queue';
import { callService } from '@dash/subgraph';
import { localeOf, type Locale } from '../activity/formats.rules.js';
import { NotificationPreferences } from '../preferences/notification-preferences.entity.js';

export type EmailTemplate =
  | 'payout-failed'
  | 'dispute-opened'
  | 'requirements-due'
  | 'tax-form-ready'
  | 'risk-intervention'
  | 'recovery-debit';

/**
 * The preference that turns each email off, or null for one that always goes: the account
 * consented to electronic tax forms on the promise of being told when one is ready.
 */
const WANTS: Record<
  EmailTemplate,
  | keyof Pick<
      NotificationPreferences,
      'emailPayoutFailed' | 'emailDisputeOpened' | 'emailRequirementsDue'
    >
  | null
> = {
  'payout-failed': 'emailPayoutFailed',
  'dispute-opened': 'emailDisputeOpened',
  'requirements-due': 'emailRequirementsDue',
  'tax-form-ready': null,
  // What pauses the account's money and what lifts it, and a debit of its own bank: an account
  // must always be told of these.
  'risk-intervention': null,
  'recovery-debit': null,
};

/** What an email says, written for the reader's language once it is known. */
export type EmailParams = (locale: Locale) => Record<string, string> & { path: string };

export interface EmailNotifierSettings {
  identityUrl: string;
  internalSecret: SecretKeys;
  dashboardUrl: string;
}

/**
 * Emails about activity that matters, where the account wants them (its preferences), in the
 * language it chose (English until it chooses). The delivery id comes from the event's id: an
 * event handled twice asks for the same delivery, which the worker sends once. The address is
 * asked of identity at the time, as events carry no contact details.
 */
export class EmailNotifier {
  constructor(
    private readonly delivery: () => TypedQueue<DeliveryJobs>,
    private readonly settings: EmailNotifierSettings,
  ) {}

  async notify(
    manager: EntityManager,
    event: DomainEvent,
    template: EmailTemplate,
    params: EmailParams,
  ): Promise<void> {
    if (!event.accountId) return;
    const preferences = await NotificationPreferences.of(manager, event.accountId);
    const wants = WANTS[template];
    if (wants && !preferences[wants]) return;
    const contact = await callService<AccountContact>(
      new URL(ACCOUNT_CONTACT_PATH, this.settings.identityUrl),
      { accountId: event.accountId },
      { service: 'notifications', audience: 'identity', secret: this.settings.internalSecret },
    );
    const locale = localeOf(preferences.locale);
    const { path, ...rest } = params(locale);
    await requestDelivery(this.delivery(), {
      deliveryId: `dlv_${event.id}`,
      accountId: event.accountId,
      livemode: event.livemode,
      channel: 'email',
      to: contact.email,
      template,
      params: {
        ...rest,
        locale,
        url: new URL(path, this.settings.dashboardUrl).href,
      },
    });
  }
}
