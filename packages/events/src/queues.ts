import { createHash } from 'node:crypto';
import { defineQueue, type JobsOptions } from '@dash/queue';
import {
  EVENT_SUBSCRIPTIONS,
  eventQueueName,
  type DomainEvent,
  type EventConsumerName,
  type SubscribedType,
} from './catalog.js';

/** The job that carries several events of one relay round to one consumer. */
export const EVENT_BATCH_JOB = 'events';

/** The most events one job carries: a round of the relay publishes up to DASH_OUTBOX_BATCH. */
export const EVENTS_PER_JOB = 100;

export interface EventBatch {
  events: DomainEvent[];
}

/**
 * The jobs of one consumer's queue: one job name per event type it subscribes to, for an event
 * that travels alone, and `events` for several that travel together.
 */
export type EventJobs<Consumer extends EventConsumerName> = {
  [Type in SubscribedType<Consumer>]: DomainEvent<Type>;
} & { [EVENT_BATCH_JOB]: EventBatch };

export const eventQueue = <Consumer extends EventConsumerName>(consumer: Consumer) =>
  defineQueue<EventJobs<Consumer>>(eventQueueName(consumer), [
    ...(EVENT_SUBSCRIPTIONS[consumer] as unknown as ReadonlyArray<SubscribedType<Consumer>>),
    EVENT_BATCH_JOB,
  ]);

/** A job for one event alone: named after its type, with the event id as job id. */
export const singleEventJob = (event: DomainEvent) => ({
  name: event.type,
  data: event,
  jobId: event.id,
});

/**
 * The jobs that carry `events` to one consumer. A job costs Redis about fifty commands from
 * being added to being done, whatever it carries, so the events of a round travel together, up
 * to EVENTS_PER_JOB a job; an event with no company travels alone, as it always did.
 *
 * A job's id is made from the ids it carries, so a round published again after its commit
 * failed adds nothing new; a round that takes other events the second time adds a job whose
 * events the consumer has partly seen, and it skips those (`processed_events`).
 */
export function eventJobs(events: DomainEvent[]) {
  const jobs = [];
  for (let start = 0; start < events.length; start += EVENTS_PER_JOB) {
    const part = events.slice(start, start + EVENTS_PER_JOB);
    jobs.push(
      part.length === 1
        ? singleEventJob(part[0]!)
        : {
            name: EVENT_BATCH_JOB,
            data: { events: part },
            jobId: `events-${createHash('sha256')
              .update(part.map((event) => event.id).join(','))
              .digest('base64url')}`,
          },
    );
  }
  return jobs;
}

/**
 * A failing consumer (its database down, a bug being fixed) is retried for about half an hour
 * before the event lands in the failed set, the dead letters an operator can retry.
 */
export const EVENT_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};
