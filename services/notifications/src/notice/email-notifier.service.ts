import type { EntityManager } from 'typeorm';
import { requestDelivery, type DeliveryJobs } from '@dash/contracts';
import { ACCOUNT_CONTACT_PATH, type AccountContact } from '@dash/contracts';
import type { DomainEvent } from '@dash/events';
import type { SecretKeys } from '@dash/config';
import type { TypedQueue } from '@dash/queue';
import { callService } from '@dash/subgraph';
import { NotificationPreferences } from '../preferences/notification-preferences.entity.js';

export type EmailTemplate = 'payout-failed' | 'dispute-opened' | 'requirements-due';

const WANTS: Record<
  EmailTemplate,
  keyof Pick<
    NotificationPreferences,
    'emailPayoutFailed' | 'emailDisputeOpened' | 'emailRequirementsDue'
  >
> = {
  'payout-failed': 'emailPayoutFailed',
  'dispute-opened': 'emailDisputeOpened',
  'requirements-due': 'emailRequirementsDue',
};

export interface EmailNotifierSettings {
  identityUrl: string;
  internalSecret: SecretKeys;
  dashboardUrl: string;
}

/**
 * Emails about activity that matters, where the account wants them (its preferences), in its
 * language. The delivery id comes from the event's id: an event handled twice asks for the same
 * delivery, which the worker sends once. The address is asked of identity at the time, as
 * events carry no contact details.
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
    params: Record<string, string> & { path: string },
  ): Promise<void> {
    if (!event.accountId) return;
    const preferences = await NotificationPreferences.of(manager, event.accountId);
    if (!preferences[WANTS[template]]) return;
    const contact = await callService<AccountContact>(
      new URL(ACCOUNT_CONTACT_PATH, this.settings.identityUrl),
      { accountId: event.accountId },
      { service: 'notifications', audience: 'identity', secret: this.settings.internalSecret },
    );
    const { path, ...rest } = params;
    await requestDelivery(this.delivery(), {
      deliveryId: `dlv_${event.id}`,
      accountId: event.accountId,
      livemode: event.livemode,
      channel: 'email',
      to: contact.email,
      template,
      params: {
        ...rest,
        locale: preferences.locale,
        url: new URL(path, this.settings.dashboardUrl).href,
      },
    });
  }
}
