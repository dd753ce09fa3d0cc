import { defineQueue, openQueue } from '@dash/queue';

export type WebhookJobs = {
  /** Attempt number `attempt` of one delivery; job id `<delivery>-<attempt>`, so each runs once. */
  attempt: { deliveryId: string; attempt: number };
};

export const WEBHOOK_QUEUE = defineQueue<WebhookJobs>('webhooks', ['attempt']);

export const attemptJobId = (deliveryId: string, attempt: number) => `${deliveryId}-${attempt}`;

export const openWebhookQueue = (settings: { redisUrl: string; prefix: string }) =>
  openQueue(WEBHOOK_QUEUE, settings);

export type WebhookQueue = ReturnType<typeof openWebhookQueue>['queue'];

/** Queues attempt `attempt` of each delivery, after `delayMs`. */
export async function queueAttempts(
  queue: WebhookQueue,
  deliveryIds: readonly string[],
  attempt = 1,
  delayMs = 0,
): Promise<void> {
  if (deliveryIds.length === 0) return;
  if (delayMs > 0 || deliveryIds.length === 1) {
    await Promise.all(
      deliveryIds.map((deliveryId) =>
        queue.add(
          'attempt',
          { deliveryId, attempt },
          { jobId: attemptJobId(deliveryId, attempt), delayMs },
        ),
      ),
    );
    return;
  }
  await queue.addBulk(
    deliveryIds.map((deliveryId) => ({
      name: 'attempt' as const,
      data: { deliveryId, attempt },
      jobId: attemptJobId(deliveryId, attempt),
    })),
  );
}
