export { createNotificationsService, notificationsService } from './service.js';
export { seedActivity, type ActivitySeed } from './seed.js';
export { openDeliveryQueue } from './delivery/delivery-queue.service.js';
export { DeliveryRepository } from './delivery/deliveries.service.js';
export type { DeliveryProvider, OutgoingMessage } from './delivery/delivery-provider.service.js';
export { DevOutboxProvider } from './delivery/delivery-provider.service.js';
export { startDeliveryWorker } from './delivery/delivery.worker.js';
