import { newId } from '@dash/ids';
import type { DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import type { DeliveryRepository } from './deliveries.repository.js';
import type { DeliveryChannel } from './entities/delivery.entity.js';

export interface DeliveryRequest {
  /** Give the same id to retry a request safely: the message is still sent once. */
  deliveryId?: string;
  accountId: string;
  channel: DeliveryChannel;
  to: string;
  template: string;
  params: Record<string, string>;
}

/**
 * Records the message as queued, then enqueues it with the delivery id as job id, so a repeated
 * request neither writes a second row nor queues a second job.
 */
export async function requestDelivery(
  queue: TypedQueue<DeliveryJobs>,
  deliveries: DeliveryRepository,
  request: DeliveryRequest,
): Promise<string> {
  const deliveryId = request.deliveryId ?? newId('delivery');
  const { channel, ...rest } = request;
  await deliveries.recordQueued({
    id: deliveryId,
    accountId: request.accountId,
    channel,
    destination: request.to,
    template: request.template,
    params: request.params,
    createdAt: new Date(),
  });
  const data = { ...rest, deliveryId };
  await queue.add(channel === 'email' ? 'send-email' : 'send-sms', data, { jobId: deliveryId });
  return deliveryId;
}
