export { deliveryQueue, type DeliveryJobs } from './delivery.js';
