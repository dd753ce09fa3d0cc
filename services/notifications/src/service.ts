import { eventConsumerPart, EVENT_MIGRATIONS } from '@dash/events';
import {
  AccountDirectory,
  keepCapabilities,
  markAccountClosed,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import type { DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import { ActivityRepository } from './activity.repository.js';
import type { NotificationsContext } from './context.js';
import { deliveryPart, openDeliveryQueue } from './delivery-part.js';
import { AccountNotice } from './entities/account-notice.entity.js';
import { NotificationPreferences } from './entities/notification-preferences.entity.js';
import { ActivityHub1764600000002 } from './migrations/1764600000002-ActivityHub.js';
import { RequirementsEmail1764700000001 } from './migrations/1764700000001-RequirementsEmail.js';
import { AccountNotices } from './notices/account-notices.js';
import { EmailNotifier } from './notices/email-notifier.js';
import { loadNotificationsConfig } from './notifications-config.js';
import { ActivityMutationsResolver } from './resolvers/activity-mutations.resolver.js';
import { DeliveryLogResolver } from './resolvers/delivery-log.resolver.js';
import { Account } from './entities/account.type.js';
import { ActivityItem } from './entities/activity-item.entity.js';
import { Delivery } from './entities/delivery.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DevOutbox1764100000002 } from './migrations/1764100000002-DevOutbox.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { DevOutboxMessage } from './entities/dev-outbox.entity.js';
import { devOutboxRoutes } from './dev-outbox.route.js';
import type { DeliveryProvider } from './providers/delivery-provider.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import {
  AccountActivityResolver,
  ActivityItemResolver,
} from './resolvers/account-activity.resolver.js';
import { paymentEventHandlers } from './workers/payment-events.js';
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
  // Set when the instance starts (its parts), used by event handlers and requests after.
  let delivery: TypedQueue<DeliveryJobs> | undefined;
  let directory: AccountDirectory | undefined;
  return {
    name: 'notifications',
    defaultPort: 4005,
    entities: [ActivityItem, Delivery, DevOutboxMessage, AccountNotice, NotificationPreferences],
    migrations: [
      Init1764028800000,
      DevOutbox1764100000002,
      Livemode1764100000010,
      ActivityHub1764600000002,
      RequirementsEmail1764700000001,
      KnownAccountCapabilities1765010000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      AccountActivityResolver,
      ActivityItemResolver,
      ActivityMutationsResolver,
      DeliveryLogResolver,
    ],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    buildContext: (base, { dataSource }) => ({
      ...base,
      dataSource,
      activity: new ActivityRepository(dataSource),
      notices: new AccountNotices(dataSource),
      directory: directory!,
      deliveryQueue: () => delivery!,
    }),
    parts: [
      deliveryPart(createProvider),
      // A producer for the emails activity asks for, and the directory platforms are checked with.
      async (deps) => {
        const { identityUrl } = loadNotificationsConfig(deps.env);
        const producer = openDeliveryQueue(deps.env, deps.config.internalSecret);
        delivery = producer.queue;
        directory = new AccountDirectory(
          deps.dataSource,
          identityUrl,
          deps.config.internalSecret,
          'notifications',
        );
        return { readiness: { deliveryProducer: producer.ping }, stop: producer.close };
      },
      eventConsumerPart('notifications', (deps) => {
        const email = new EmailNotifier(() => delivery!, {
          ...loadNotificationsConfig(deps.env),
          internalSecret: deps.config.internalSecret,
        });
        const accountHandlers = accountEventHandlers(email);
        return {
          ...accountHandlers,
          'account.updated': async (event, manager) => {
            await accountHandlers['account.updated'](event, manager);
            await keepCapabilities(event, manager);
          },
          'account.closed': async (event, manager) => {
            await accountHandlers['account.closed'](event, manager);
            await markAccountClosed(manager, event.accountId!);
          },
          ...paymentEventHandlers,
          ...payoutEventHandlers(email),
          ...disputeEventHandlers(email),
        };
      }),
    ],
    routes: devOutboxRoutes,
  };
}

export const notificationsService = createNotificationsService();
