import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventHandlers } from '@dash/events';
import { newId } from '@dash/ids';
import {
  ActivityItem,
  hrefOf,
  type ActivitySubjectType,
} from '../entities/activity-item.entity.js';
import type { EmailNotifier } from '../notices/email-notifier.js';
import { day } from './formats.js';

/** How a changed field reads in the activity hub. */
const FIELD_LABELS: Record<string, string> = {
  email: 'email address',
  phone: 'phone number',
  displayName: 'account name',
  statementDescriptor: 'statement descriptor',
  defaultCurrency: 'default currency',
  businessType: 'business type',
  'businessProfile.name': 'business name',
  'businessProfile.url': 'website',
  'businessProfile.supportEmail': 'support email',
  'businessProfile.supportPhone': 'support phone',
  'businessProfile.supportAddress': 'support address',
  external_account: 'a bank account',
  'tos_acceptance.date': 'acceptance of the services agreement',
  'tos_acceptance.ip': 'acceptance of the services agreement',
};

/** A requirement key read aloud: individual.id_number → "id number". */
const humanize = (key: string) => key.split('.').pop()!.replace(/_/g, ' ');

const describeFields = (fields: string[]) =>
  [...new Set(fields.map((field) => FIELD_LABELS[field] ?? humanize(field)))].join(', ');

export async function addActivity(
  manager: EntityManager,
  event: DomainEvent,
  title: string,
  body: string,
  subject: { type: ActivitySubjectType; id?: string | null } | null = null,
): Promise<void> {
  // Activity belongs to an account; platform-wide events never reach these handlers.
  if (!event.accountId) return;
  await manager.getRepository(ActivityItem).insert({
    id: newId('activity'),
    accountId: event.accountId,
    platformId: event.platformId,
    livemode: event.livemode,
    kind: event.type,
    title,
    body,
    readAt: null,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    createdAt: new Date(event.occurredAt),
  });
}

/**
 * What a change to the requirements means for the account, once it has onboarded (while it is
 * still onboarding, the flow itself says it): something to provide — by email too, when newly
 * due — a check under way, or everything in order.
 */
async function requirementsActivity(
  manager: EntityManager,
  event: DomainEvent<'account.updated'>,
  email: EmailNotifier,
): Promise<void> {
  const state = event.data.requirements;
  if (!state?.detailsSubmitted) return;
  const onboarding = { type: 'onboarding' as const };
  if (state.currentlyDue.length > 0) {
    // Says why money stopped, not only what is due: payouts pause at once, payments at the
    // deadline.
    const charges =
      state.chargesEnabled && state.currentDeadline
        ? ` You can take payments until ${day(state.currentDeadline)}; your balance keeps growing meanwhile.`
        : state.chargesEnabled
          ? ' Your balance keeps growing meanwhile.'
          : ' Payments are paused too.';
    await addActivity(
      manager,
      event,
      state.payoutsEnabled ? 'More information needed' : 'Payouts are paused',
      `Provide ${describeFields(state.currentlyDue)} to turn payouts back on.${charges}`,
      onboarding,
    );
    if (state.newlyDue.length > 0)
      await email.notify(manager, event, 'requirements-due', {
        fields: describeFields(state.currentlyDue),
        count: String(state.currentlyDue.length),
        deadline: day(state.currentDeadline),
        path: hrefOf('onboarding'),
      });
    return;
  }
  if (state.pendingVerification.length > 0)
    return addActivity(
      manager,
      event,
      'Verifying your details',
      'Payouts start once the check is done.',
      onboarding,
    );
  return addActivity(
    manager,
    event,
    'Account verified',
    state.payoutsEnabled ? 'Charges and payouts are on.' : 'Charges are on.',
    onboarding,
  );
}

/** Account changes in the activity hub, so an unexpected one is noticed. */
export const accountEventHandlers = (
  email: EmailNotifier,
): Pick<EventHandlers<'notifications'>, 'account.updated' | 'account.closed'> => ({
  'account.updated': async (event, manager) => {
    const fields = event.data.fields.filter((field) => field !== 'requirements');
    if (fields.length > 0)
      await addActivity(
        manager,
        event,
        'Account details updated',
        `${event.data.by === 'platform' ? 'Your platform changed' : 'You changed'}: ${describeFields(fields)}.`,
        { type: 'settings' },
      );
    if (event.data.requirements) await requirementsActivity(manager, event, email);
  },
  'account.closed': (event, manager) =>
    addActivity(manager, event, 'Account closed', 'This account was closed.'),
});
