import { eventConsumerPart, EVENT_MIGRATIONS } from '@dash/events';
import {
  AccountDirectory,
  keepCapabilities,
  markAccountClosed,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
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
 * Everything the notifications use cases need, built once per instance: the producer of the
 * emails activity asks for (its connection opens lazily, and closes with the instance's part),
 * and the directory platforms are checked with.
 */
export function assembleNotifications(deps: Pick<ServiceDeps, 'dataSource' | 'config' | 'env'>) {
  const { dataSource } = deps;
  const config = loadNotificationsConfig(deps.env);
  const producer = openDeliveryQueue(deps.env, deps.config.internalSecret);
  return {
    dataSource,
    producer,
    activity: new ActivityRepository(dataSource),
    notices: new AccountNotices(dataSource),
    directory: new AccountDirectory(
      dataSource,
      config.identityUrl,
      deps.config.internalSecret,
      'notifications',
    ),
    email: new EmailNotifier(() => producer.queue, {
      ...config,
      internalSecret: deps.config.internalSecret,
    }),
  };
}

type NotificationsApp = ReturnType<typeof assembleNotifications>;

/**
 * Notifications owns the activity hub and every message sent to people (the delivery worker).
 * `createProvider` chooses who carries messages; by default the configuration does.
 */
export function createNotificationsService(
  createProvider?: (deps: ServiceDeps) => DeliveryProvider,
): ServiceDefinition<NotificationsContext, NotificationsApp> {
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
    assemble: assembleNotifications,
    buildContext: (base, app) => ({
      ...base,
      dataSource: app.dataSource,
      activity: app.activity,
      notices: app.notices,
      directory: app.directory,
      deliveryQueue: () => app.producer.queue,
    }),
    parts: [
      deliveryPart(createProvider),
      async (_deps, { producer }) => ({
        readiness: { deliveryProducer: producer.ping },
        stop: producer.close,
      }),
      eventConsumerPart('notifications', (_deps, { email }: NotificationsApp) => {
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
