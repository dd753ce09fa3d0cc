import type { DataSource } from 'typeorm';
import type { Logger } from '@dash/logger';
import { createProducerConnection, TypedQueue } from '@dash/queue';
import { watchOutbox, type OutboxBacklog } from '@dash/telemetry';
import {
  EVENT_SUBSCRIPTIONS,
  type DomainEvent,
  type DomainEventType,
  type EventConsumerName,
} from './catalog.js';
import { onOutboxCommit } from './outbox-commits.js';
import { EVENT_JOB_OPTIONS, eventJobs, eventQueue } from './queues.js';
import type { EventSettings } from './settings.js';

interface OutboxRow {
  id: string;
  type: DomainEventType;
  account_id: string | null;
  platform_id: string;
  livemode: number | boolean;
  data: string;
  occurred_at: Date;
}

const toEvent = (row: OutboxRow): DomainEvent => {
  const { source, data } = JSON.parse(row.data) as { source: string; data: never };
  return {
    id: row.id,
    type: row.type,
    source,
    accountId: row.account_id,
    platformId: row.platform_id,
    livemode: Boolean(row.livemode),
    occurredAt: new Date(row.occurred_at).toISOString(),
    data,
  };
};

export interface OutboxRelay {
  /** Publishes what is waiting now, batch after batch; returns how many events went out. */
  flush(): Promise<number>;
  readiness: { redis: () => Promise<unknown> };
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 5_000;
/** Published events are kept a week for inspection, then deleted by the relay. */
const RETENTION_MS = 7 * 24 * 3600 * 1000;
const CLEANUP_EVERY_MS = 3600 * 1000;

/** The unpublished events: how many, and when the oldest was written (for the lag metrics). */
export const outboxBacklog =
  (dataSource: DataSource): OutboxBacklog =>
  async () => {
    const [row] = (await dataSource.query(
      'SELECT COUNT(*) AS count, MIN(occurred_at) AS oldest FROM outbox_events WHERE published_at IS NULL',
    )) as Array<{ count: string | number; oldest: Date | string | null }>;
    return {
      count: Number(row?.count ?? 0),
      oldest: row?.oldest ? new Date(row.oldest) : null,
    };
  };

/**
 * Moves events from a service's outbox to the queues of their consumers. A batch is locked
 * (SKIP LOCKED, so several instances share the work), queued (each consumer's events of the
 * batch together, see eventJobs), and marked published in the same transaction: if Redis is down
 * nothing is marked and the batch is tried again after a backoff; if the commit fails after
 * queueing, the next attempt queues the same job ids, which BullMQ ignores, and consumers ignore
 * what they have already handled.
 */
export function startOutboxRelay(options: {
  dataSource: DataSource;
  settings: EventSettings;
  log: Logger;
  /** The service whose outbox this is, as the lag metrics name it (its database otherwise). */
  service?: string;
}): OutboxRelay {
  const { dataSource, settings } = options;
  const unwatch = watchOutbox(
    options.service ?? String(dataSource.options.database),
    outboxBacklog(dataSource),
  );
  const log = options.log.child({ part: 'outbox-relay' });
  const connection = createProducerConnection(settings.redisUrl);
  const queues = new Map(
    (Object.keys(EVENT_SUBSCRIPTIONS) as EventConsumerName[]).map((consumer) => [
      consumer,
      new TypedQueue(eventQueue(consumer), {
        connection,
        prefix: settings.prefix,
        jobOptions: EVENT_JOB_OPTIONS,
      }),
    ]),
  );

  async function publishBatch(): Promise<number> {
    // READ COMMITTED: the locking read takes no gap locks, so services writing new events
    // into the outbox never deadlock with the relay reading it.
    return dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows = (await manager.query(
        `SELECT id, type, account_id, platform_id, livemode, data, occurred_at
           FROM outbox_events WHERE published_at IS NULL
          ORDER BY id LIMIT ${settings.batchSize} FOR UPDATE SKIP LOCKED`,
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      const events = rows.map(toEvent);
      for (const [consumer, queue] of queues) {
        const wanted: readonly string[] = EVENT_SUBSCRIPTIONS[consumer];
        const theirs = events.filter((event) => wanted.includes(event.type));
        if (theirs.length > 0) await queue.addBulk(eventJobs(theirs) as never);
      }
      await manager.query('UPDATE outbox_events SET published_at = ? WHERE id IN (?)', [
        new Date(),
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** One read, no transaction: an idle relay costs the database one indexed lookup per poll. */
  async function anyWaiting(): Promise<boolean> {
    const rows = (await dataSource.query(
      'SELECT 1 AS waiting FROM outbox_events WHERE published_at IS NULL LIMIT 1',
    )) as unknown[];
    return rows.length > 0;
  }

  async function flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await publishBatch();
      total += published;
      if (published < settings.batchSize) return total;
    }
  }

  let lastCleanup = 0;
  async function cleanUp(): Promise<void> {
    if (Date.now() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = Date.now();
    await dataSource.query(
      'DELETE FROM outbox_events WHERE published_at IS NOT NULL AND published_at < ? LIMIT 10000',
      [new Date(Date.now() - RETENTION_MS)],
    );
  }

  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  // Whether the round `timer` waits for was asked for by commits (else it is the next poll).
  let timerForCommits = false;
  let running: Promise<void> = Promise.resolve();
  // Set when an event commits while a round is under way: the next round then follows it.
  let nudged = false;
  let lastCommitRoundAt = -Infinity;
  /**
   * Commits start a round at once when no round of theirs started within the last `roundGapMs`,
   * else when that much has passed: a quiet service's event goes at once, and a busy one's go
   * together, one round (a transaction, a commit, a job) for many changes rather than each few.
   */
  const untilRoundMayStart = () =>
    Math.max(0, lastCommitRoundAt + settings.roundGapMs - Date.now());
  const schedule = (delay: number, forCommits: boolean) => {
    timerForCommits = forCommits;
    timer = setTimeout(() => {
      running = tick(forCommits);
    }, delay);
  };
  const tick = async (forCommits: boolean) => {
    timer = undefined;
    nudged = false;
    if (forCommits) lastCommitRoundAt = Date.now();
    try {
      // A commit is known to have left an event: no need to look before taking the batch.
      if (forCommits || (await anyWaiting())) await flush();
      await cleanUp();
      if (failures > 0) log.info({ after: failures }, 'outbox relay recovered');
      failures = 0;
    } catch (error) {
      failures += 1;
      // Every failure would be noise while Redis is down; the first and every tenth tell enough.
      if (failures === 1 || failures % 10 === 0)
        log.warn(
          { err: error, failures },
          'outbox relay cannot publish; events wait in the outbox',
        );
    }
    if (stopped) return;
    if (failures > 0) schedule(Math.min(settings.pollMs * 2 ** failures, MAX_BACKOFF_MS), false);
    else if (nudged) schedule(untilRoundMayStart(), true);
    else schedule(settings.pollMs, false);
  };
  running = tick(false);
  // An event committed by this process is published without waiting for the poll; the poll
  // remains for events other processes (API replicas) commit.
  const unsubscribe = onOutboxCommit(dataSource, () => {
    // While publishing fails, the backoff decides; while a round runs, it goes again after.
    if (stopped || failures > 0) return;
    if (!timer) {
      nudged = true;
      return;
    }
    if (timerForCommits) return; // a round for commits is already due
    clearTimeout(timer);
    const delay = untilRoundMayStart();
    if (delay > 0) schedule(delay, true);
    else running = tick(true);
  });

  return {
    flush,
    readiness: { redis: () => connection.ping() },
    async stop() {
      unwatch();
      unsubscribe();
      stopped = true;
      clearTimeout(timer);
      await running;
      for (const queue of queues.values()) await queue.close();
      connection.disconnect();
    },
  };
}
