import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@dash/logger';
import { startWorker, type JobHandlers, type RunningWorker } from '@dash/queue';
import { touchReads } from '@dash/read-cache';
import type { DomainEvent, EventConsumerName, SubscribedType } from './catalog.js';
import { eventQueue, type EventJobs } from './queues.js';
import type { EventSettings } from './settings.js';

/** What a consumer does with each event type it subscribes to, inside one transaction. */
export type EventHandlers<Consumer extends EventConsumerName> = {
  [Type in SubscribedType<Consumer>]: (
    event: DomainEvent<Type>,
    manager: EntityManager,
  ) => Promise<void>;
};

interface InsertResult {
  affectedRows?: number;
}

/**
 * Handles one consumer's events, each exactly once in effect: the event id goes into
 * `processed_events` in the same transaction as the handler's writes, so a replayed, re-published
 * or retried event finds its id there and changes nothing.
 */
export async function startEventConsumer<Consumer extends EventConsumerName>(options: {
  consumer: Consumer;
  handlers: EventHandlers<Consumer>;
  dataSource: DataSource;
  settings: EventSettings;
  log: Logger;
}): Promise<RunningWorker> {
  const { dataSource, settings, handlers } = options;
  const handleOnce = async (event: DomainEvent) => {
    await dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        'INSERT IGNORE INTO processed_events (event_id, type, processed_at) VALUES (?, ?, ?)',
        [event.id, event.type, new Date()],
      )) as InsertResult;
      if (!inserted.affectedRows) return;
      const handler = handlers[event.type as SubscribedType<Consumer>] as (
        event: DomainEvent,
        manager: EntityManager,
      ) => Promise<void>;
      await handler(event, manager);
      // What a handler keeps (a platform's features, an account's capabilities, activity) shows in
      // the subject's dashboard reads, which were cached when the source committed, before this.
      await touchReads(
        manager,
        event.accountId === null
          ? { platformId: event.platformId }
          : { accountId: event.accountId },
      );
    });
  };
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
