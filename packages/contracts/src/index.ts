export {
  deliveryQueue,
  requestDelivery,
  type DeliveryJobs,
  type DeliveryRequest,
} from './delivery.js';
