import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventHandlers } from '@dash/events';
import { newId } from '@dash/ids';
import { ActivityItem, type ActivitySubjectType } from '../entities/activity-item.entity.js';

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
};

const describeFields = (fields: string[]) =>
  fields.map((field) => FIELD_LABELS[field] ?? field).join(', ');

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

/** Account changes in the activity hub, so an unexpected one is noticed. */
export const accountEventHandlers: Pick<
  EventHandlers<'notifications'>,
  'account.updated' | 'account.closed'
> = {
  'account.updated': (event, manager) =>
    addActivity(
      manager,
      event,
      'Account details updated',
      `${event.data.by === 'platform' ? 'Your platform changed' : 'You changed'}: ${describeFields(event.data.fields)}.`,
      { type: 'settings' },
    ),
  'account.closed': (event, manager) =>
    addActivity(manager, event, 'Account closed', 'This account was closed.'),
};
