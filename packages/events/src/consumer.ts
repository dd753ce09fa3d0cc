import type { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '@dash/db';
import { isDuplicateKey } from '@dash/errors';
import type { Logger } from '@dash/logger';
import {
  createProducerConnection,
  startWorker,
  TypedQueue,
  type JobHandlers,
  type RedisClient,
  type RunningWorker,
} from '@dash/queue';
import { touchReads } from '@dash/read-cache';
import type { DomainEvent, EventConsumerName, SubscribedType } from './catalog.js';
import {
  EVENT_BATCH_JOB,
  EVENT_JOB_OPTIONS,
  eventQueue,
  singleEventJob,
  type EventBatch,
  type EventJobs,
} from './queues.js';
import { handlingBatch } from './batch-writes.js';
import { readScopeOf } from './record.js';
import type { EventSettings } from './settings.js';

/** What a consumer does with each event type it subscribes to, inside one transaction. */
export type EventHandlers<Consumer extends EventConsumerName> = {
  [Type in SubscribedType<Consumer>]: (
    event: DomainEvent<Type>,
    manager: EntityManager,
  ) => Promise<void>;
};

/** Handlers marked by `changingNoReads`. */
const READ_NEUTRAL = new WeakSet<object>();

/**
 * Marks a handler whose writes show in no dashboard read (a platform's copy of an account's
 * event, read only through the platform's own queries, which the read cache never keeps): the
 * consumer then leaves the subject's cached reads valid instead of bumping them a second time
 * after the source already did.
 */
export function changingNoReads<Handler extends object>(handler: Handler): Handler {
  READ_NEUTRAL.add(handler);
  return handler;
}

/** Whether a handler's writes may show in its subject's reads (unmarked ones are assumed to). */
const changesReads = (handler: object) => !READ_NEUTRAL.has(handler);

/** The most events one consumer transaction handles. */
const EVENT_BATCH = 16;

/** A failed event of a batch is tried again alone after this, as a job's first retry would be. */
const FIRST_RETRY_DELAY_MS = 500;

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
      await handlingBatch(manager, async () => {
        for (const event of events) await handlerOf(event)(event, manager);
      });
      // What a handler keeps (a platform's features, an account's capabilities, activity) shows in
      // the subject's dashboard reads, which were cached when the source committed, before this.
      const shown = events.filter((event) => changesReads(handlerOf(event)));
      await touchReads(manager, ...shown.map(readScopeOf));
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
  const log = options.log.child({ queue: definition.name });
  // Made on the first failure in a batch: a healthy consumer only takes jobs.
  let retries: TypedQueue<EventJobs<Consumer>> | undefined;
  let retriesConnection: RedisClient | undefined;
  /**
   * The events of a batch job, each handled as if it had come alone. They go to the group
   * commit together, so they fill its transactions (handed over one by one, the first went
   * alone). Those that fail go on as jobs of their own (their event id as job id), so each is
   * retried and lands in the dead letters alone, as an event published alone would; the batch
   * job is then done. If they cannot be queued, the batch job fails and is retried whole, its
   * handled events skipped.
   */
  const handleBatch = async ({ events }: EventBatch) => {
    const outcomes = await Promise.allSettled(batches.submitAll(events));
    const failed = events.filter((_, index) => outcomes[index]!.status === 'rejected');
    if (failed.length === 0) return;
    for (const [index, outcome] of outcomes.entries())
      if (outcome.status === 'rejected')
        log.warn(
          { eventId: events[index]!.id, type: events[index]!.type, err: outcome.reason },
          'event failed in a batch; queued alone to be retried',
        );
    retriesConnection ??= createProducerConnection(settings.redisUrl);
    retries ??= new TypedQueue(definition, {
      connection: retriesConnection,
      prefix: settings.prefix,
      jobOptions: EVENT_JOB_OPTIONS,
    });
    await retries.addBulk(failed.map(singleEventJob) as never, {
      delayMs: FIRST_RETRY_DELAY_MS,
    });
  };
  const jobHandlers = Object.fromEntries(
    definition.jobNames.map((name) => [
      name,
      name === EVENT_BATCH_JOB ? handleBatch : (event: DomainEvent) => handleOnce(event),
    ]),
  ) as unknown as JobHandlers<EventJobs<Consumer>>;
  const worker = await startWorker(definition, jobHandlers, {
    redisUrl: settings.redisUrl,
    prefix: settings.prefix,
    concurrency: settings.concurrency,
    log: options.log,
  });
  return {
    readiness: worker.readiness,
    async stop() {
      await worker.stop();
      await retries?.close();
      retriesConnection?.disconnect();
    },
  };
}
