export { createNotificationsService, notificationsService } from './service.js';
export { seedActivity, type ActivitySeed } from './seed.js';
export { openDeliveryQueue } from './delivery-part.js';
export { DeliveryRepository } from './deliveries.repository.js';
export type { DeliveryProvider, OutgoingMessage } from './providers/delivery-provider.js';
export { DevOutboxProvider } from './providers/delivery-provider.js';
export { startDeliveryWorker } from './workers/delivery.worker.js';
