import { defineQueue, type JobsOptions } from '@dash/queue';
import {
  EVENT_SUBSCRIPTIONS,
  eventQueueName,
  type DomainEvent,
  type EventConsumerName,
  type SubscribedType,
} from './catalog.js';

/** The jobs of one consumer's queue: one job name per event type it subscribes to. */
export type EventJobs<Consumer extends EventConsumerName> = {
  [Type in SubscribedType<Consumer>]: DomainEvent<Type>;
};

export const eventQueue = <Consumer extends EventConsumerName>(consumer: Consumer) =>
  defineQueue<EventJobs<Consumer>>(
    eventQueueName(consumer),
    EVENT_SUBSCRIPTIONS[consumer] as unknown as ReadonlyArray<SubscribedType<Consumer>>,
  );

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
