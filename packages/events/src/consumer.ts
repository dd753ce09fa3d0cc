import type { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '@dash/db';
import { isDuplicateKey } from '@dash/errors';
import type { Logger } from '@dash/logger';
import { startWorker, type JobHandlers, type RunningWorker } from '@dash/queue';
import { touchReads } from '@dash/read-cache';
import type { DomainEvent, EventConsumerName, SubscribedType } from './catalog.js';
import { eventQueue, type EventJobs } from './queues.js';
import { readScopeOf } from './record.js';
import type { EventSettings } from './settings.js';

/** What a consumer does with each event type it subscribes to, inside one transaction. */
export type EventHandlers<Consumer extends EventConsumerName> = {
  [Type in SubscribedType<Consumer>]: (
    event: DomainEvent<Type>,
    manager: EntityManager,
  ) => Promise<void>;
};

/** The most events one consumer transaction handles. */
const EVENT_BATCH = 16;

/**
 * Handles one consumer's events, each exactly once in effect: the event id goes into
 * `processed_events` in the same transaction as the handler's writes, so a replayed, re-published
 * or retried event finds its id there and changes nothing. Events the worker takes at the same
 * time are handled in one transaction, as a group commit.
 */
export async function startEventConsumer<Consumer extends EventConsumerName>(options: {
  consumer: Consumer;
  handlers: EventHandlers<Consumer>;
  dataSource: DataSource;
  settings: EventSettings;
  log: Logger;
}): Promise<RunningWorker> {
  const { dataSource, settings, handlers } = options;
  const handlerOf = (event: DomainEvent) =>
    handlers[event.type as SubscribedType<Consumer>] as (
      event: DomainEvent,
      manager: EntityManager,
    ) => Promise<void>;
  /**
   * Handles `events` in one transaction, each id into `processed_events` with its handler's
   * writes. A lone event seen before is skipped; in a batch, one seen before refuses the batch
   * (written again event by event below, each then skipped or handled on its own).
   */
  const handleAll = (events: DomainEvent[]) =>
    dataSource.transaction(async (manager) => {
      try {
        await manager.query(
          `INSERT INTO processed_events (event_id, type, processed_at) VALUES ${events.map(() => '(?, ?, ?)').join(', ')}`,
          events.flatMap((event) => [event.id, event.type, new Date()]),
        );
      } catch (error) {
        if (events.length === 1 && isDuplicateKey(error)) return;
        throw error;
      }
      for (const event of events) await handlerOf(event)(event, manager);
      // What a handler keeps (a platform's features, an account's capabilities, activity) shows in
      // the subject's dashboard reads, which were cached when the source committed, before this.
      await touchReads(manager, ...events.map(readScopeOf));
    });
  // Events handled at the same time share a transaction; one that fails its batch is handled
  // again alone, so only its own job fails and is retried.
  const batches = new GroupCommit<DomainEvent, void>(
    {
      all: async (events) => {
        await handleAll(events);
        return events.map(() => undefined);
      },
      one: (event) => handleAll([event]),
    },
    {
      maxBatch: EVENT_BATCH,
      maxInFlight: Math.max(1, Math.ceil(settings.concurrency / EVENT_BATCH)),
    },
  );
  const handleOnce = (event: DomainEvent) => batches.submit(event);
  const definition = eventQueue(options.consumer);
  const jobHandlers = Object.fromEntries(
    definition.jobNames.map((type) => [type, (event: DomainEvent) => handleOnce(event)]),
  ) as unknown as JobHandlers<EventJobs<Consumer>>;
  return startWorker(definition, jobHandlers, {
    redisUrl: settings.redisUrl,
    prefix: settings.prefix,
    concurrency: settings.concurrency,
    log: options.log,
  });
}
