import { randomUUID } from 'node:crypto';
import { isSealedValue, openValue, sealValue, type SecretKeys } from '@dash/config';
import { defineQueue, openProducer, TypedQueue } from '@dash/queue';

interface DeliveryJob {
  deliveryId: string;
  /** The account the message is for; null for a notice to a platform's own team. */
  accountId: string | null;
  /**
   * The platform whose branding frames the message (and, for a notice, whom it is for). Found
   * from the account when absent.
   */
  platformId?: string;
  /**
   * The account's mode. A test-mode message never reaches a real carrier: the worker sends it to
   * the dev outbox whatever providers are configured. A job without it counts as test mode.
   */
  livemode: boolean;
  to: string;
  template: string;
  /** Values for the template; SECRET_PARAMS among them are sealed (see `DeliveryQueue`). */
  params: Record<string, string>;
}

/** Messages to people, sent by the notifications service's delivery worker. */
export type DeliveryJobs = {
  'send-email': DeliveryJob;
  'send-sms': DeliveryJob;
};

export const deliveryQueue = defineQueue<DeliveryJobs>('delivery', ['send-email', 'send-sms']);

/** Parameters that are secrets (one-time codes): never in Redis in the clear. */
export const SECRET_PARAMS = ['code'] as const;

/** What a sealed parameter is bound to: it opens only in the job it was sealed for. */
const sealContext = (job: Pick<DeliveryJob, 'deliveryId' | 'to'>, name: string) =>
  `delivery:${job.deliveryId}:${job.to}:${name}`;

/**
 * The delivery queue for producers: it seals SECRET_PARAMS with the delivery key (HKDF from the
 * shared root secrets, which identity and notifications both hold) before a job reaches Redis,
 * so a look at Redis, its persistence files or a replica shows no code. Only the worker opens
 * them, just before rendering (`openDeliveryParams`).
 */
export class DeliveryQueue extends TypedQueue<DeliveryJobs> {
  constructor(
    settings: ConstructorParameters<typeof TypedQueue<DeliveryJobs>>[1],
    private readonly keys: SecretKeys,
  ) {
    super(deliveryQueue, settings);
  }

  sealParams(job: DeliveryJob): DeliveryJob {
    const params = { ...job.params };
    for (const name of SECRET_PARAMS)
      if (params[name] !== undefined && !isSealedValue(params[name]))
        params[name] = sealValue(this.keys, 'delivery', params[name], sealContext(job, name));
    return { ...job, params };
  }
}

/** A producer of delivery jobs with its own connection; close() releases both. */
export const openDeliveryProducer = (settings: {
  redisUrl: string;
  prefix: string;
  keys: SecretKeys;
}) =>
  openProducer(
    settings.redisUrl,
    (connection) => new DeliveryQueue({ connection, prefix: settings.prefix }, settings.keys),
  );

/** Raised when a job carries a secret parameter in the clear, or one that does not open. */
export class UnsealedParamError extends Error {}

/**
 * The worker's side: the job's parameters with SECRET_PARAMS opened. A secret parameter that is
 * not sealed is refused (a producer that skipped sealing has a bug to fix, not a code to send).
 */
export function openDeliveryParams(keys: SecretKeys, job: DeliveryJob): Record<string, string> {
  const params = { ...job.params };
  for (const name of SECRET_PARAMS) {
    const value = params[name];
    if (value === undefined) continue;
    if (!isSealedValue(value))
      throw new UnsealedParamError(`the ${name} parameter arrived unsealed; it was not sent`);
    try {
      params[name] = openValue(keys, 'delivery', value, sealContext(job, name));
    } catch (error) {
      throw new UnsealedParamError(
        `the ${name} parameter does not open: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  return params;
}

export interface DeliveryRequest extends Omit<DeliveryJob, 'deliveryId'> {
  channel: 'email' | 'sms';
  /** Give the same id to retry a request safely: the message is still sent once. */
  deliveryId?: string;
}

/**
 * Asks for a message to be sent. The delivery id is the job id, so a repeated request queues
 * nothing new; the notifications worker records and sends it. Any service may call this, with
 * a queue from `openDeliveryProducer` (a request holding a code is refused by any other queue).
 */
export async function requestDelivery(
  queue: TypedQueue<DeliveryJobs>,
  request: DeliveryRequest,
): Promise<string> {
  const { channel, deliveryId = `dlv_${randomUUID().replaceAll('-', '')}`, ...rest } = request;
  const job = { ...rest, deliveryId };
  const holdsSecret = SECRET_PARAMS.some((name) => job.params[name] !== undefined);
  if (holdsSecret && !(queue instanceof DeliveryQueue))
    throw new Error('a delivery holding a code needs a sealing queue (openDeliveryProducer)');
  await queue.add(
    channel === 'email' ? 'send-email' : 'send-sms',
    queue instanceof DeliveryQueue ? queue.sealParams(job) : job,
    { jobId: deliveryId },
  );
  return deliveryId;
}
