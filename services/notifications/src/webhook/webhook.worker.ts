import type { Logger } from '@dash/logger';
import { startScheduledJobs, startWorker, type RunningWorker } from '@dash/queue';
import type { PlatformEvents } from '../platform-event/platform-events.service.js';
import { webhookPayload } from '../platform-event/public-events.rules.js';
import type { WebhookConfig } from './webhook-config.js';
import type { WebhookDeliveries } from './webhook-deliveries.service.js';
import { WebhookEndpointStatus } from './webhook-endpoint.entity.js';
import type { WebhookEndpoints } from './webhook-endpoints.service.js';
import type { EndpointDisabledNotices } from './endpoint-disabled-notices.service.js';
import { attemptJobId, queueAttempts, WEBHOOK_QUEUE, type WebhookQueue } from './webhook-queue.js';
import type { WebhookSender } from './webhook-sender.service.js';
import { signWebhook } from './webhook-signature.rules.js';

export interface WebhookWorkerDeps {
  config: WebhookConfig;
  endpoints: WebhookEndpoints;
  deliveries: WebhookDeliveries;
  events: PlatformEvents;
  sender: WebhookSender;
  queue: () => WebhookQueue;
  /** Emails a platform when its endpoint is disabled; without it, that is only logged. */
  notices?: EndpointDisabledNotices | undefined;
  log: Logger;
  /** See WorkerSettings: how soon another worker takes up the jobs of one that died. */
  lockDuration?: number;
  stalledInterval?: number;
}

/** A delivery not yet committed by the transaction that queued it: BullMQ tries again shortly. */
class NotVisibleYet extends Error {}

/**
 * One attempt of one delivery: signed, sent, recorded, and the next attempt queued with its
 * backoff. A job runs at least once; an attempt another run already recorded is not repeated.
 */
export async function attemptDelivery(
  deps: Omit<WebhookWorkerDeps, 'config'>,
  deliveryId: string,
  attempt: number,
): Promise<void> {
  const delivery = await deps.deliveries.find(deliveryId);
  if (!delivery) throw new NotVisibleYet(`delivery ${deliveryId} is not committed yet`);
  if (delivery.status !== 'pending' || delivery.attempts >= attempt) return;
  const endpoint = await deps.endpoints.byId(delivery.endpointId);
  const event = await deps.events.find(delivery.eventId);
  if (!endpoint || endpoint.status === WebhookEndpointStatus.disabled || !event) {
    await deps.deliveries.cancel(delivery.id);
    return;
  }
  const body = JSON.stringify(webhookPayload(event));
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const outcome = await deps.sender.send(
    endpoint.url,
    {
      'content-type': 'application/json',
      'user-agent': 'ExpressDashboard-Webhooks/1.0',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(
        deps.endpoints.signingSecrets(endpoint, now),
        event.id,
        timestamp,
        body,
      ),
    },
    body,
  );
  const verdict = await deps.deliveries.recordAttempt(delivery, attempt, outcome, now);
  if (verdict.disabledEndpoint) {
    deps.log.warn(
      { endpointId: endpoint.id, platformId: endpoint.platformId },
      'webhook endpoint disabled after failing for the configured period',
    );
    await tellPlatform(deps, endpoint.id);
  }
  if (verdict.retryAt)
    await queueAttempts(
      deps.queue(),
      [delivery.id],
      attempt + 1,
      Math.max(1, verdict.retryAt.getTime() - Date.now()),
    );
}

/**
 * Queues the email saying the endpoint was disabled. A failure here (Redis away) is only
 * logged: the notice stays due, and the sweep queues it.
 */
async function tellPlatform(
  deps: Pick<WebhookWorkerDeps, 'notices' | 'log'>,
  endpointId: string,
): Promise<void> {
  if (!deps.notices) return;
  try {
    const outcome = await deps.notices.send(endpointId);
    if (outcome.sent)
      deps.log.info(
        { endpointId, to: outcome.to, deliveryId: outcome.deliveryId },
        'platform told by email that its webhook endpoint was disabled',
      );
    else if (outcome.reason === 'no-address')
      deps.log.warn(
        { endpointId },
        'webhook endpoint disabled, and its platform has no technical or support email to tell',
      );
  } catch (error) {
    deps.log.error({ err: error, endpointId }, 'the disabled-endpoint notice waits for the sweep');
  }
}

/**
 * The webhook worker: attempts from the queue, and a chore that requeues deliveries whose job
 * was lost (a Redis that restarted empty) or gave up on a database error, and deletes events
 * and finished deliveries past their retention.
 */
export async function startWebhookWorker(deps: WebhookWorkerDeps): Promise<RunningWorker> {
  const { config, log } = deps;
  const worker = await startWorker(
    WEBHOOK_QUEUE,
    { attempt: ({ deliveryId, attempt }) => attemptDelivery(deps, deliveryId, attempt) },
    {
      redisUrl: config.redisUrl,
      prefix: config.prefix,
      concurrency: config.concurrency,
      log,
      ...(deps.lockDuration ? { lockDuration: deps.lockDuration } : {}),
      ...(deps.stalledInterval ? { stalledInterval: deps.stalledInterval } : {}),
    },
  );
  const chores = await startScheduledJobs(
    'webhook-chores',
    {
      'webhook-sweep': {
        everyMs: config.sweepEveryMs,
        run: () => sweep(deps),
      },
    },
    { redisUrl: config.redisUrl, prefix: config.prefix, log },
  );
  return {
    readiness: { ...worker.readiness, ...chores.readiness },
    async stop() {
      await chores.stop();
      await worker.stop();
    },
  };
}

/**
 * See startWebhookWorker. Overdue means past its time by two sweeps and a minute; so does a
 * disabled endpoint's notice still due (its worker died before queuing it, or Redis was away).
 */
export async function sweep(deps: WebhookWorkerDeps, now = new Date()): Promise<void> {
  const queue = deps.queue().queue;
  const graceMs = 2 * deps.config.sweepEveryMs + 60_000;
  if (deps.notices)
    for (const endpointId of await deps.notices.overdue(now, graceMs))
      await tellPlatform(deps, endpointId);
  for (const { id, attempts } of await deps.deliveries.overdue(now, graceMs)) {
    const job = await queue.getJob(attemptJobId(id, attempts + 1));
    if (!job) await queueAttempts(deps.queue(), [id], attempts + 1);
    else if (await job.isFailed()) await job.retry('failed');
  }
  const cutoff = new Date(now.getTime() - deps.config.eventRetentionMs);
  await deps.deliveries.prune(cutoff);
  await deps.events.prune(cutoff);
}
