import type { SecretKeys } from '@dash/config';
import type { DeliveryJobs } from '@dash/contracts';
import { deliveryQueue, openDeliveryParams, UnsealedParamError } from '@dash/contracts';
import {
  DEFAULT_JOB_OPTIONS,
  startWorker,
  UnrecoverableError,
  type Job,
  type JobHandlers,
  type RunningWorker,
} from '@dash/queue';
import type { Logger } from '@dash/logger';
import { renderTemplate, UnknownTemplateError } from './templates.rules.js';
import type { DeliveryRepository } from './deliveries.service.js';
import type { DeliveryChannel } from './delivery.entity.js';
import type { DeliveryProvider } from './delivery-provider.service.js';
import type { EmailComposer } from './email-composer.service.js';
import { notificationDeliveryFailures } from '@dash/telemetry';

export interface DeliveryWorkerDeps {
  deliveries: DeliveryRepository;
  /** The configured carriers: live-mode messages only. */
  provider: DeliveryProvider;
  /**
   * Where test-mode messages go, whatever carriers are configured (the dev outbox): a test
   * account's code never costs an SMS or reaches a real inbox.
   */
  testModeProvider: DeliveryProvider;
  /** Opens the sealed parameters (codes) just before rendering. */
  keys: SecretKeys;
  /**
   * Gives emails to accounts their HTML part in the platform's branding; without it (a worker
   * run bare, as in some tests) every message goes as plain text.
   */
  emails?: EmailComposer;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  log: Logger;
  /** See WorkerSettings: how soon a job of a worker that died is taken up by another. */
  lockDuration?: number;
  stalledInterval?: number;
}

/**
 * Sends one queued message and keeps its record (never its parameters: they can hold sign-in
 * codes, which arrive sealed and are opened only here, just before rendering). Jobs can run more than once (a worker dies mid-job, a retry after a timeout), so an
 * already-sent delivery is skipped, and the delivery id goes to the carrier as its dedupe key
 * for the case in between: handed over, not yet recorded. A failure is thrown for BullMQ to retry with
 * backoff; after the last attempt the delivery is marked failed.
 */
async function deliver(
  channel: DeliveryChannel,
  data: DeliveryJobs['send-email'],
  job: Job,
  deps: Pick<
    DeliveryWorkerDeps,
    'deliveries' | 'provider' | 'testModeProvider' | 'keys' | 'emails'
  >,
): Promise<void> {
  // The first run records the delivery; later runs (retries, duplicates) find it.
  await deps.deliveries.recordQueued({
    id: data.deliveryId,
    accountId: data.accountId,
    platformId: data.platformId ?? null,
    channel,
    destination: data.to,
    template: data.template,
    createdAt: new Date(),
  });
  const existing = await deps.deliveries.find(data.deliveryId);
  if (existing?.status === 'sent') return;
  const attempt = job.attemptsMade + 1;
  let message;
  let params;
  try {
    // Codes come from identity, which does not know the account's language: it is looked up here.
    const locale = data.params.locale ?? (await deps.deliveries.localeOf(data.accountId));
    params = { ...openDeliveryParams(deps.keys, data), locale };
    message = renderTemplate(data.template, params);
  } catch (error) {
    if (!(error instanceof UnknownTemplateError || error instanceof UnsealedParamError))
      throw error;
    await deps.deliveries.markAttempt(data.deliveryId, attempt, 'failed', error.message);
    notificationDeliveryFailures.inc({ channel });
    throw new UnrecoverableError(error.message);
  }
  if (deps.emails) message = await deps.emails.compose(data, channel, message, params);
  try {
    // Only a job that says live mode reaches a real carrier; anything else is test mode.
    const provider = data.livemode === true ? deps.provider : deps.testModeProvider;
    await provider.send({ ...message, deliveryId: data.deliveryId, channel, to: data.to });
  } catch (error) {
    // A carrier says a failure is permanent (no such mailbox) with UnrecoverableError.
    const lastAttempt =
      error instanceof UnrecoverableError ||
      attempt >= (job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1);
    await deps.deliveries.markAttempt(
      data.deliveryId,
      attempt,
      lastAttempt ? 'failed' : 'queued',
      error instanceof Error ? error.message : String(error),
    );
    notificationDeliveryFailures.inc({ channel });
    throw error;
  }
  await deps.deliveries.markAttempt(data.deliveryId, attempt, 'sent');
}

export function startDeliveryWorker(deps: DeliveryWorkerDeps): Promise<RunningWorker> {
  const handlers: JobHandlers<DeliveryJobs> = {
    'send-email': (data, job) => deliver('email', data, job, deps),
    'send-sms': (data, job) => deliver('sms', data, job, deps),
  };
  return startWorker(deliveryQueue, handlers, {
    redisUrl: deps.redisUrl,
    prefix: deps.prefix,
    concurrency: deps.concurrency,
    log: deps.log,
    ...(deps.lockDuration ? { lockDuration: deps.lockDuration } : {}),
    ...(deps.stalledInterval ? { stalledInterval: deps.stalledInterval } : {}),
  });
}
