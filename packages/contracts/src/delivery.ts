import { randomUUID } from 'node:crypto';
import { defineQueue, type TypedQueue } from '@dash/queue';

interface DeliveryJob {
  deliveryId: string;
  accountId: string;
  to: string;
  template: string;
  params: Record<string, string>;
}

/** Messages to people, sent by the notifications service's delivery worker. */
export type DeliveryJobs = {
  'send-email': DeliveryJob;
  'send-sms': DeliveryJob;
};

export const deliveryQueue = defineQueue<DeliveryJobs>('delivery', ['send-email', 'send-sms']);

export interface DeliveryRequest extends Omit<DeliveryJob, 'deliveryId'> {
  channel: 'email' | 'sms';
  /** Give the same id to retry a request safely: the message is still sent once. */
  deliveryId?: string;
}

/**
 * Asks for a message to be sent. The delivery id is the job id, so a repeated request queues
 * nothing new; the notifications worker records and sends it. Any service may call this.
 */
export async function requestDelivery(
  queue: TypedQueue<DeliveryJobs>,
  request: DeliveryRequest,
): Promise<string> {
  const { channel, deliveryId = `dlv_${randomUUID().replaceAll('-', '')}`, ...job } = request;
  await queue.add(
    channel === 'email' ? 'send-email' : 'send-sms',
    { ...job, deliveryId },
    { jobId: deliveryId },
  );
  return deliveryId;
}
