import type { EntityManager } from 'typeorm';
import {
  changingNoReads,
  EVENT_SUBSCRIPTIONS,
  type DomainEvent,
  type EventHandlers,
} from '@dash/events';
import type { PlatformEvents } from '../platform-event/platform-events.service.js';
import { publicEventOf } from '../platform-event/public-events.rules.js';
import type { WebhookDeliveries } from './webhook-deliveries.service.js';
import { queueAttempts, type WebhookQueue } from './webhook-queue.js';

/**
 * Tells the platform of a domain event, in the consumer's transaction: the public event is kept
 * for `events`, a delivery is made for each endpoint that wants it, and their first attempts are
 * queued. A job may start before this transaction commits; it then finds no delivery and is
 * retried by the queue a moment later (see attemptDelivery).
 */
export function platformPublisher(
  events: PlatformEvents,
  deliveries: WebhookDeliveries,
  queue: () => WebhookQueue,
) {
  return async (event: DomainEvent, manager: EntityManager): Promise<void> => {
    const draft = publicEventOf(event);
    if (!draft) return;
    const kept = await events.record(manager, event, draft);
    await queueAttempts(queue(), await deliveries.fanOut(manager, kept));
  };
}

type Publish = ReturnType<typeof platformPublisher>;

/**
 * Notifications' event handlers, each followed by telling the platform in the same
 * transaction; the events only platforms hear of (charges, balance.available) need no handler
 * of their own. Those then change nothing an account reads (the platform reads its events and
 * deliveries through its own queries), so they leave the account's cached reads valid: the
 * ledger has already bumped them for the charge itself.
 */
export function alsoTellingPlatforms(
  handlers: Partial<EventHandlers<'notifications'>>,
  publish: Publish,
): EventHandlers<'notifications'> {
  return Object.fromEntries(
    EVENT_SUBSCRIPTIONS.notifications.map((type) => {
      const own = handlers[type] as Publish | undefined;
      if (!own)
        return [
          type,
          changingNoReads((event: DomainEvent, manager: EntityManager) => publish(event, manager)),
        ];
      return [
        type,
        async (event: DomainEvent, manager: EntityManager) => {
          await own(event, manager);
          await publish(event, manager);
        },
      ];
    }),
  ) as EventHandlers<'notifications'>;
}
