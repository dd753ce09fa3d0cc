import type { DataSource } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import { PlatformEvents } from '../platform-event/platform-events.service.js';
import { platformPublisher } from './platform-publisher.service.js';
import type { WebhookConfig } from './webhook-config.js';
import { WebhookDeliveries } from './webhook-deliveries.service.js';
import { WebhookEndpoints } from './webhook-endpoints.service.js';
import type { EndpointDisabledNotices } from './endpoint-disabled-notices.service.js';
import { openWebhookQueue } from './webhook-queue.js';

/**
 * Everything webhooks use, over one database and one Redis: the events kept for platforms,
 * their endpoints and deliveries, the attempt queue's producer (its connection closes with
 * `producer.close`), the publisher the event consumer calls and, when given, the emails that
 * tell a platform its endpoint was disabled.
 */
export function assembleWebhooks(
  dataSource: DataSource,
  keys: SecretKeys,
  config: WebhookConfig,
  notices?: EndpointDisabledNotices,
) {
  const producer = openWebhookQueue(config);
  const queue = () => producer.queue;
  const events = new PlatformEvents(dataSource);
  const endpoints = new WebhookEndpoints(dataSource, keys, config);
  const deliveries = new WebhookDeliveries(dataSource, endpoints, config);
  return {
    config,
    producer,
    queue,
    events,
    endpoints,
    deliveries,
    notices,
    publish: platformPublisher(events, deliveries, queue),
  };
}

export type Webhooks = ReturnType<typeof assembleWebhooks>;
