import type { DataSource } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import { PlatformEvents } from '../platform-event/platform-events.service.js';
import { platformPublisher } from './platform-publisher.service.js';
import type { WebhookConfig } from './webhook-config.js';
import { WebhookDeliveries } from './webhook-deliveries.service.js';
import { WebhookEndpoints } from './webhook-endpoints.service.js';
import { openWebhookQueue } from './webhook-queue.js';

/**
 * Everything webhooks use, over one database and one Redis: the events kept for platforms,
 * their endpoints and deliveries, the attempt queue's producer (its connection closes with
 * `producer.close`) and the publisher the event consumer calls.
 */
export function assembleWebhooks(dataSource: DataSource, keys: SecretKeys, config: WebhookConfig) {
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
    publish: platformPublisher(events, deliveries, queue),
  };
}

export type Webhooks = ReturnType<typeof assembleWebhooks>;
