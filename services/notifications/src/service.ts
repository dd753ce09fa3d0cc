import type { Caller } from '@dash/auth-context';
import { eventConsumerPart, EVENT_MIGRATIONS } from '@dash/events';
import { readVersionsConnection } from '@dash/read-cache';
import {
  Access,
  AccountDirectory,
  keepCapabilities,
  keepPlatform,
  markAccountClosed,
  platformLookup,
  signedInAccountResolver,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import type { NotificationsContext } from './context.js';
import { loadNotificationsConfig } from './notifications-config.js';
import { Account } from './activity/account.type.js';
import { activityEventHandlers } from './activity/activity-events.worker.js';
import { ActivityItem } from './activity/activity-item.entity.js';
import {
  AccountActivityResolver,
  ActivityItemResolver,
  ActivityMutationsResolver,
} from './activity/activity.resolver.js';
import { ActivityItems } from './activity/activity.service.js';
import { referenceResolvers } from './activity/references.resolver.js';
import { AccountNotice } from './notice/account-notice.entity.js';
import { AccountNotices } from './notice/account-notices.service.js';
import { EmailNotifier } from './notice/email-notifier.service.js';
import { NoticeResolver } from './notice/notice.resolver.js';
import { NotificationPreferences } from './preferences/notification-preferences.entity.js';
import { PreferencesResolver } from './preferences/preferences.resolver.js';
import { providerFromConfig } from './delivery/choose-provider.service.js';
import { DeliveryRepository } from './delivery/deliveries.service.js';
import { Delivery } from './delivery/delivery.entity.js';
import { DevOutboxProvider, type DeliveryProvider } from './delivery/delivery-provider.service.js';
import { openDeliveryQueue } from './delivery/delivery-queue.service.js';
import { DeliveryLogResolver } from './delivery/delivery.resolver.js';
import { startDeliveryWorker } from './delivery/delivery.worker.js';
import { DevOutboxMessage } from './delivery/dev-outbox.entity.js';
import { devOutboxRoutes } from './delivery/dev-outbox.route.js';
import { loadQueueConfig } from './delivery/queue-config.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { DevOutbox1764100000002 } from './migrations/1764100000002-DevOutbox.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { ActivityHub1764600000002 } from './migrations/1764600000002-ActivityHub.js';
import { RequirementsEmail1764700000001 } from './migrations/1764700000001-RequirementsEmail.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { ActivityParams1765100000000 } from './migrations/1765100000000-ActivityParams.js';
import { Webhooks1765200000000 } from './migrations/1765200000000-Webhooks.js';
import { BrandedEmails1765500000001 } from './migrations/1765500000001-BrandedEmails.js';
import { ChosenLanguage1765600000300 } from './migrations/1765600000300-ChosenLanguage.js';
import { PlatformBrand } from './platform-brand/platform-brand.entity.js';
import { PlatformBrands } from './platform-brand/platform-brands.service.js';
import { EmailComposer } from './delivery/email-composer.service.js';
import { EndpointDisabledNotices } from './webhook/endpoint-disabled-notices.service.js';
import { EventsResolver } from './platform-event/events.resolver.js';
import { PlatformEvent } from './platform-event/platform-event.entity.js';
import { assembleWebhooks } from './webhook/assemble-webhooks.js';
import { alsoTellingPlatforms } from './webhook/platform-publisher.service.js';
import { loadWebhookConfig } from './webhook/webhook-config.js';
import { WebhookAttempt, WebhookDelivery } from './webhook/webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook/webhook-endpoint.entity.js';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './webhook/webhook.resolver.js';
import { startWebhookWorker } from './webhook/webhook.worker.js';
import { WebhookSender } from './webhook/webhook-sender.service.js';

/**
 * Everything notifications uses, built once per instance: the gate of each request over the one
 * account directory, the activity hub, the notices, the emails activity asks for (their
 * producer's connection opens lazily and closes with the instance's connections), the platforms'
 * branding, and the delivery worker's record, carriers (`createProvider`; by default the
 * configuration's) and the branded HTML of emails.
 */
export function assembleNotifications(
  deps: ServiceDeps,
  createProvider: (deps: ServiceDeps) => DeliveryProvider = providerFromConfig,
) {
  const { dataSource } = deps;
  const config = loadNotificationsConfig(deps.env);
  const producer = openDeliveryQueue(deps.env, deps.config.internalSecret);
  const accounts = new AccountDirectory(
    dataSource,
    config.identityUrl,
    deps.config.internalSecret,
    'notifications',
  );
  const brands = new PlatformBrands(dataSource);
  return {
    dataSource,
    producer,
    brands,
    accessFor: (caller: Caller) => new Access(caller, accounts, platformLookup(dataSource)),
    activity: new ActivityItems(dataSource),
    notices: new AccountNotices(dataSource),
    email: new EmailNotifier(() => producer.queue, {
      ...config,
      internalSecret: deps.config.internalSecret,
    }),
    webhooks: assembleWebhooks(
      dataSource,
      deps.config.internalSecret,
      loadWebhookConfig(deps.env, deps.config.nodeEnv),
      new EndpointDisabledNotices(dataSource, brands, () => producer.queue),
    ),
    delivery: {
      ...loadQueueConfig(deps.env),
      deliveries: new DeliveryRepository(dataSource),
      provider: createProvider(deps),
      testModeProvider: new DevOutboxProvider(dataSource, deps.log),
      keys: deps.config.internalSecret,
      emails: new EmailComposer(
        brands,
        (accountId) => accounts.platformOf(accountId),
        config.dashboardUrl,
        deps.log,
      ),
    },
  };
}

type NotificationsApp = ReturnType<typeof assembleNotifications>;

/**
 * Notifications owns the activity hub, the banner's notices, each account's email choices and
 * every message sent to people (the delivery worker). `createProvider` chooses who carries
 * messages; by default the configuration does.
 */
export function createNotificationsService(
  createProvider?: (deps: ServiceDeps) => DeliveryProvider,
): ServiceDefinition<NotificationsContext, NotificationsApp> {
  return {
    name: 'notifications',
    entities: [
      ActivityItem,
      Delivery,
      DevOutboxMessage,
      AccountNotice,
      NotificationPreferences,
      PlatformEvent,
      WebhookEndpoint,
      WebhookDelivery,
      WebhookAttempt,
      PlatformBrand,
    ],
    migrations: [
      Init1764028800000,
      DevOutbox1764100000002,
      Livemode1764100000010,
      ActivityHub1764600000002,
      RequirementsEmail1764700000001,
      KnownAccountCapabilities1765010000000,
      ActivityParams1765100000000,
      Webhooks1765200000000,
      BrandedEmails1765500000001,
      ChosenLanguage1765600000300,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      signedInAccountResolver(Account),
      AccountActivityResolver,
      ActivityItemResolver,
      ActivityMutationsResolver,
      NoticeResolver,
      PreferencesResolver,
      DeliveryLogResolver,
      EventsResolver,
      WebhookEndpointResolver,
      WebhookDeliveryResolver,
    ],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    assemble: (deps) => assembleNotifications(deps, createProvider),
    buildContext: (base, app) => ({
      access: app.accessFor(base.caller),
      dataSource: app.dataSource,
      activity: app.activity,
      notices: app.notices,
      deliveries: app.delivery.deliveries,
      deliveryQueue: () => app.producer.queue,
      webhooks: app.webhooks,
    }),
    connections: [
      readVersionsConnection,
      async (_deps, { producer }) => ({
        readiness: { deliveryProducer: producer.ping },
        stop: producer.close,
      }),
      async (_deps, { webhooks }) => ({
        readiness: { webhookProducer: webhooks.producer.ping },
        stop: webhooks.producer.close,
      }),
    ],
    parts: [
      // Closing the delivery worker waits for the job in hand, then the connection goes.
      (deps, app) => startDeliveryWorker({ ...app.delivery, log: deps.log }),
      async (deps, { webhooks }) => {
        const sender = new WebhookSender(webhooks.config);
        const worker = await startWebhookWorker({
          ...webhooks,
          sender,
          log: deps.log,
        });
        return { ...worker, stop: async () => (await worker.stop(), await sender.close()) };
      },
      eventConsumerPart(
        'notifications',
        (_deps, { activity, email, webhooks, brands }: NotificationsApp) => {
          const handlers = activityEventHandlers(activity, email);
          return alsoTellingPlatforms(
            {
              ...handlers,
              'account.updated': async (event, manager) => {
                await handlers['account.updated'](event, manager);
                await keepCapabilities(event, manager);
              },
              'account.closed': async (event, manager) => {
                await handlers['account.closed'](event, manager);
                await markAccountClosed(manager, event.accountId!);
              },
              // The platform's name and switches (for Access) and its branding (for emails).
              'platform.updated': async (event, manager) => {
                await keepPlatform(event, manager);
                await brands.keep(event, manager);
              },
            },
            webhooks.publish,
          );
        },
      ),
    ],
    routes: devOutboxRoutes,
  };
}

export const notificationsService = createNotificationsService();
