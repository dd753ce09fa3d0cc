import type { DataSource } from 'typeorm';
import type { DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import type { Access, BaseContext } from '@dash/subgraph';
import type { ActivityItems } from './activity/activity.service.js';
import type { DeliveryRepository } from './delivery/deliveries.service.js';
import type { AccountNotices } from './notice/account-notices.service.js';
import type { PlatformEvents } from './platform-event/platform-events.service.js';
import type { WebhookDeliveries } from './webhook/webhook-deliveries.service.js';
import type { WebhookEndpoints } from './webhook/webhook-endpoints.service.js';
import type { WebhookQueue } from './webhook/webhook-queue.js';

export interface NotificationsContext extends BaseContext {
  /** The caller's gate to accounts: every resolver asks it first. */
  access: Access;
  activity: ActivityItems;
  notices: AccountNotices;
  deliveries: DeliveryRepository;
  dataSource: DataSource;
  deliveryQueue(): TypedQueue<DeliveryJobs>;
  /** What platforms' servers are told: events, endpoints, deliveries, and the attempt queue. */
  webhooks: {
    events: PlatformEvents;
    endpoints: WebhookEndpoints;
    deliveries: WebhookDeliveries;
    queue(): WebhookQueue;
  };
}
