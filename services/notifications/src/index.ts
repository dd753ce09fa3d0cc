export { createNotificationsService, notificationsService } from './service.js';
export {
  seedActivity,
  seedPlatformBrand,
  seedWebhookEndpoint,
  type ActivitySeed,
  type WebhookEndpointSeed,
} from './seed.js';
export { openDeliveryQueue } from './delivery/delivery-queue.service.js';
export { DeliveryRepository } from './delivery/deliveries.service.js';
export type { DeliveryProvider, OutgoingMessage } from './delivery/delivery-provider.service.js';
export { DevOutboxProvider } from './delivery/delivery-provider.service.js';
export { startDeliveryWorker } from './delivery/delivery.worker.js';
export { assembleWebhooks, type Webhooks } from './webhook/assemble-webhooks.js';
export { loadWebhookConfig } from './webhook/webhook-config.js';
export { WebhookSender } from './webhook/webhook-sender.service.js';
export { startWebhookWorker } from './webhook/webhook.worker.js';
