import { eventConsumerPart, EVENT_MIGRATIONS } from '@dash/events';
import type { ServiceDefinition, ServiceDeps } from '@dash/subgraph';
import { ActivityRepository } from './activity.repository.js';
import type { NotificationsContext } from './context.js';
import { deliveryPart } from './delivery-part.js';
import { Account } from './entities/account.type.js';
import { ActivityItem } from './entities/activity-item.entity.js';
import { Delivery } from './entities/delivery.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DevOutbox1764100000002 } from './migrations/1764100000002-DevOutbox.js';
import { DevOutboxMessage } from './entities/dev-outbox.entity.js';
import { devOutboxRoutes } from './dev-outbox.route.js';
import type { DeliveryProvider } from './providers/delivery-provider.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountActivityResolver } from './resolvers/account-activity.resolver.js';
import { payoutEventHandlers } from './workers/payout-events.js';
import { disputeEventHandlers } from './workers/dispute-events.js';
import { accountEventHandlers } from './workers/account-events.js';

/**
 * Notifications owns the activity hub and every message sent to people (the delivery worker).
 * `createProvider` chooses who carries messages; by default the configuration does.
 */
export function createNotificationsService(
  createProvider?: (deps: ServiceDeps) => DeliveryProvider,
): ServiceDefinition<NotificationsContext> {
  return {
    name: 'notifications',
    defaultPort: 4005,
    entities: [ActivityItem, Delivery, DevOutboxMessage],
    migrations: [
      Init1764028800000,
      DevOutbox1764100000002,
      Livemode1764100000010,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [AccountActivityResolver],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    buildContext: (base, { dataSource }) => ({
      ...base,
      activity: new ActivityRepository(dataSource),
    }),
    parts: [
      deliveryPart(createProvider),
      eventConsumerPart('notifications', () => ({
        ...accountEventHandlers,
        ...payoutEventHandlers,
        ...disputeEventHandlers,
      })),
    ],
    routes: devOutboxRoutes,
  };
}

export const notificationsService = createNotificationsService();
