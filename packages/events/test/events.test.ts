import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, EntityManager } from 'typeorm';
import { createLogger } from '@dash/logger';
import { createRedisConnection, TypedQueue, type RunningWorker } from '@dash/queue';
import { installReadVersionBumps, ReadVersions } from '@dash/read-cache';
import {
  deleteRedisPrefix,
  freePort,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from '@dash/testing';
import {
  changingNoReads,
  EVENT_SUBSCRIPTIONS,
  eventQueueName,
  loadEventSettings,
  recordEvent,
  startEventConsumer,
  startOutboxRelay,
  type DomainEvent,
  type EventHandlers,
  type EventSettings,
  writeWithBatch,
} from '../src/index.js';
import {
  EVENT_BATCH_JOB,
  EVENTS_PER_JOB,
  eventJobs,
  eventQueue,
  type EventBatch,
} from '../src/queues.js';
import { openEventsDatabase } from './support.js';

const log = createLogger('events-test');
const subject = { accountId: 'acct_1', platformId: 'plat_1', livemode: false };
let db: TestDatabase;
let dataSource: DataSource;
const prefixes: string[] = [];

const settingsFor = (redisUrl: string): EventSettings => {
  const prefix = testRedisPrefix('events');
  prefixes.push(prefix);
  return {
    ...loadEventSettings({ REDIS_URL: redisUrl, DASH_REDIS_PREFIX: prefix }),
    pollMs: 20,
  };
};

/** Records `count` account.updated events, each in its own transaction as a change would. */
async function produce(count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    await dataSource.transaction(async (manager) => {
      const event = await recordEvent(manager, 'test', 'account.updated', subject, {
        fields: [`${label}-${i}`],
        by: 'platform',
      });
      ids.push(event.id);
    });
  }
  return ids;
}

/** Handlers that do nothing, for the event types these tests do not produce. */
const ignoreTheRest = Object.fromEntries(
  EVENT_SUBSCRIPTIONS.notifications.map((type) => [type, async () => {}]),
) as unknown as EventHandlers<'notifications'>;

/**
 * A consumer whose handler records each `account.updated` it sees in the `seen` table, then does
 * `also` in the same transaction; `others` handles other types (the rest are ignored).
 */
const startRecordingConsumer = (
  settings: EventSettings,
  also?: (event: DomainEvent<'account.updated'>, manager: EntityManager) => Promise<void>,
  others: Partial<EventHandlers<'notifications'>> = {},
) =>
  startEventConsumer({
    consumer: 'notifications',
    settings,
    dataSource,
    log,
    handlers: {
      ...ignoreTheRest,
      ...others,
      'account.updated': async (event, manager) => {
        await manager.query('INSERT INTO seen (event_id, field) VALUES (?, ?)', [
          event.id,
          event.data.fields[0],
        ]);
        await also?.(event, manager);
      },
    },
  });

async function seenIds(ids: string[]): Promise<string[]> {
  const rows = (await dataSource.query('SELECT event_id FROM seen WHERE event_id IN (?)', [
    ids,
  ])) as Array<{ event_id: string }>;
  return rows.map((row) => row.event_id).sort();
}

/** The notifications queue on a test's prefix, opened as a producer opens it. */
function openQueue(settings: EventSettings) {
  const connection = createRedisConnection(testRedisUrl());
  const typed = new TypedQueue(eventQueue('notifications'), {
    connection,
    prefix: settings.prefix,
  });
  return {
    queue: typed.queue,
    async close() {
      await typed.close();
      connection.disconnect();
    },
  };
}

/** An `account.updated` event as the relay carries it. */
const accountUpdated = (id: string, field: string): DomainEvent<'account.updated'> => ({
  id,
  type: 'account.updated',
  source: 'test',
  ...subject,
  occurredAt: new Date().toISOString(),
  data: { fields: [field], by: 'platform' },
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  ({ db, dataSource } = await openEventsDatabase('events'));
  await dataSource.query(
    'CREATE TABLE seen (event_id VARCHAR(40) NOT NULL, field VARCHAR(60) NOT NULL)',
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
  for (const prefix of prefixes) await deleteRedisPrefix(testRedisUrl(), prefix);
});

/** Read-version bumps on the test's data source under a prefix of their own, and `own`'s counter. */
function watchReadVersions(own: typeof subject) {
  const settings = settingsFor(testRedisUrl());
  const redis = createRedisConnection(testRedisUrl());
  const versions = new ReadVersions(redis, settings.prefix);
  const uninstall = installReadVersionBumps(dataSource, versions, (error) => {
    throw error;
  });
  return {
    settings,
    version: async () =>
      Number((await redis.get(versions.keys.version({ accountId: own.accountId }))) ?? 0),
    close: () => {
      uninstall();
      redis.disconnect();
    },
  };
}

describe('read versions', () => {
  it("bump an event's subject once its change commits, and again once a consumer kept it", async () => {
    const own = { accountId: 'acct_versions', platformId: 'plat_1', livemode: false };
    const { settings, version, close } = watchReadVersions(own);
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings);
    try {
      let during = -1;
      const event = await dataSource.transaction(async (manager) => {
        const recorded = await recordEvent(manager, 'test', 'account.updated', own, {
          fields: ['versions'],
          by: 'platform',
        });
        during = await version();
        return recorded;
      });
      expect(during).toBe(0);
      expect(await version()).toBeGreaterThanOrEqual(1);
      await waitFor(async () => (await seenIds([event.id])).length === 1);
      await waitFor(async () => (await version()) === 2);
    } finally {
      await consumer.stop();
      await relay.stop();
      close();
    }
  });

  it('are left alone by a handler marked as changing no reads, and bumped by the next that does', async () => {
    const own = { accountId: 'acct_unchanged', platformId: 'plat_1', livemode: false };
    const { settings, version, close } = watchReadVersions(own);
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings, undefined, {
      // As a platform's copy of a charge is kept: written, but shown in no account's reads.
      'charge.succeeded': changingNoReads<EventHandlers<'notifications'>['charge.succeeded']>(
        async (event, manager) => {
          await manager.query('INSERT INTO seen (event_id, field) VALUES (?, ?)', [
            event.id,
            'charge',
          ]);
        },
      ),
    });
    try {
      // Many charges of one account at once, as a busy seller's: the source bumps for each.
      const charges = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          dataSource.transaction((manager) =>
            recordEvent(manager, 'test', 'charge.succeeded', own, {
              chargeId: `ch_unchanged_${i}`,
              amount: 1000 + i,
              currency: 'usd',
              fee: 59,
              applicationFeeAmount: 0,
              description: null,
              created: new Date().toISOString(),
            }),
          ),
        ),
      );
      await waitFor(async () => (await seenIds(charges.map((event) => event.id))).length === 8);
      // A kept change after them: the consumer's bump for it is the only one it makes.
      const change = await dataSource.transaction((manager) =>
        recordEvent(manager, 'test', 'account.updated', own, { fields: ['after'], by: 'platform' }),
      );
      await waitFor(async () => (await seenIds([change.id])).length === 1);
      await waitFor(async () => (await version()) >= 10);
      expect(await version()).toBe(8 + 1 + 1);
    } finally {
      await consumer.stop();
      await relay.stop();
      close();
    }
  });
});

describe('outbox', () => {
  it('refuses an event written outside the transaction of its change', async () => {
    await expect(
      recordEvent(dataSource.manager, 'test', 'account.updated', subject, {
        fields: ['email'],
        by: 'account',
      }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('keeps no event of a change that rolled back', async () => {
    let eventId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        eventId = (
          await recordEvent(manager, 'test', 'account.updated', subject, {
            fields: ['email'],
            by: 'account',
          })
        ).id;
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = (await dataSource.query('SELECT id FROM outbox_events WHERE id = ?', [
      eventId,
    ])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('carries every event from the outbox to the consumer once, with its payload', async () => {
    const settings = settingsFor(testRedisUrl());
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings);
    try {
      const ids = await produce(30, 'flow');
      await waitFor(async () => (await seenIds(ids)).length >= ids.length);
      const fields = (await dataSource.query('SELECT field FROM seen WHERE event_id = ?', [
        ids[7],
      ])) as Array<{ field: string }>;
      expect(fields).toEqual([{ field: 'flow-7' }]);
      const unpublished = (await dataSource.query(
        'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL AND id IN (?)',
        [ids],
      )) as Array<{ n: string | number }>;
      expect(Number(unpublished[0]!.n)).toBe(0);
      expect(await seenIds(ids)).toEqual([...ids].sort());
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it('publishes events this process commits at once, not at the next poll, each once', async () => {
    // A poll far beyond the test: only the commits themselves can start the relay's rounds.
    const settings = { ...settingsFor(testRedisUrl()), pollMs: 600_000 };
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings);
    try {
      // Commits land while rounds are under way: each must still be published by a later round.
      const committed = await Promise.all(
        Array.from({ length: 40 }, (_, i) => produce(1, `nudge-${i}`)),
      );
      const ids = committed.flat();
      const rolledBack = dataSource.transaction(async (manager) => {
        await recordEvent(manager, 'test', 'account.updated', subject, {
          fields: ['rolled-back'],
          by: 'platform',
        });
        throw new Error('the change fails');
      });
      await expect(rolledBack).rejects.toThrow('the change fails');
      await waitFor(async () => (await seenIds(ids)).length >= ids.length, 10_000);
      expect(await seenIds(ids)).toEqual([...ids].sort());
      const seenRolledBack = (await dataSource.query(
        "SELECT COUNT(*) AS n FROM seen WHERE field = 'rolled-back'",
      )) as Array<{ n: string | number }>;
      expect(Number(seenRolledBack[0]!.n)).toBe(0);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it("sends a quiet process's event at once, and a busy one's together once the round gap has passed", async () => {
    // No poll within the test: only commits start rounds. No consumer: the jobs stay to be counted.
    const settings = { ...settingsFor(testRedisUrl()), pollMs: 600_000, roundGapMs: 3_000 };
    const relay = startOutboxRelay({ dataSource, settings, log });
    const { queue, close: closeQueue } = openQueue(settings);
    const jobs = async () => (await queue.getJobCounts('waiting')).waiting ?? 0;
    try {
      const [first] = await produce(1, 'gap-first');
      const committedAt = Date.now();
      await waitFor(async () => (await jobs()) === 1);
      expect(Date.now() - committedAt).toBeLessThan(settings.roundGapMs);
      // Nineteen more commits, each nudging the relay, within the gap of the first round.
      const rest = await produce(19, 'gap-rest');
      const published = async () => {
        const [row] = (await dataSource.query(
          'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NOT NULL AND id IN (?)',
          [[first, ...rest]],
        )) as Array<{ n: string | number }>;
        return Number(row!.n);
      };
      await waitFor(async () => (await published()) === 20);
      // Two rounds in all: the first event alone, the nineteen together in one job.
      expect(await jobs()).toBe(2);
      const batch = (await queue.getJobs(['waiting'])).find((job) => job.name === EVENT_BATCH_JOB);
      expect((batch!.data as EventBatch).events.map((event) => event.id)).toEqual(rest);
    } finally {
      await closeQueue();
      await relay.stop();
    }
  });

  it('changes nothing when an event is delivered again', async () => {
    const settings = settingsFor(testRedisUrl());
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings);
    const { queue, close: closeQueue } = openQueue(settings);
    try {
      const [id] = await produce(1, 'replay');
      await waitFor(async () => (await seenIds([id!])).length === 1);
      // A replay after BullMQ forgot the first job: same event, a job id it has not seen.
      const event = accountUpdated(id!, 'replay-0');
      const replayed = await queue.add('account.updated', event, { jobId: `${id}-again` });
      await waitFor(async () => (await replayed.getState()) === 'completed');
      expect(await seenIds([id!])).toEqual([id]);
    } finally {
      await closeQueue();
      await consumer.stop();
      await relay.stop();
    }
  });
});

describe('events taken together', () => {
  it('share transactions, and a poisoned one fails alone while its neighbours are kept', async () => {
    await dataSource.query(
      'CREATE TABLE handled_in (event_id VARCHAR(40) NOT NULL, trx_id VARCHAR(40) NOT NULL)',
    );
    const settings = settingsFor(testRedisUrl());
    const { queue, close: closeQueue } = openQueue(settings);
    // Committed before the relay runs, so its first round takes them all; published before a
    // consumer runs, so the worker finds them waiting.
    const ids = await Promise.all(
      Array.from({ length: 48 }, (_, i) => produce(1, i === 17 ? 'poison' : `batch-${i}`)),
    ).then((made) => made.flat());
    const poisoned = ids[17]!;
    const relay = startOutboxRelay({ dataSource, settings, log });
    let consumer: RunningWorker | undefined;
    try {
      await waitFor(async () => {
        const [row] = (await dataSource.query(
          'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL AND id IN (?)',
          [ids],
        )) as Array<{ n: string | number }>;
        return Number(row!.n) === 0;
      });
      // The round's 48 events travel as one job, not 48.
      const waiting = await queue.getJobs(['waiting']);
      expect(waiting.map((job) => job.name)).toEqual([EVENT_BATCH_JOB]);
      expect((waiting[0]!.data as EventBatch).events.map((event) => event.id).sort()).toEqual(
        [...ids].sort(),
      );
      // Each event notes the transaction it was handled in; the poisoned one always fails.
      consumer = await startRecordingConsumer(settings, async (event, manager) => {
        await manager.query(
          `INSERT INTO handled_in (event_id, trx_id)
         SELECT ?, trx_id FROM information_schema.innodb_trx
         WHERE trx_mysql_thread_id = CONNECTION_ID()`,
          [event.id],
        );
        if (event.data.fields[0]!.startsWith('poison')) throw new Error('cannot handle this');
      });
      // Every other event is handled once, in fewer transactions than there are events.
      const healthy = ids.filter((id) => id !== poisoned);
      await waitFor(async () => (await seenIds(healthy)).length >= healthy.length);
      expect(await seenIds(healthy)).toEqual([...healthy].sort());
      const transactions = (await dataSource.query(
        'SELECT COUNT(DISTINCT trx_id) AS n FROM handled_in WHERE event_id IN (?)',
        [healthy],
      )) as Array<{ n: string | number }>;
      expect(Number(transactions[0]!.n)).toBeLessThan(healthy.length);
      // The poisoned one left nothing behind, and is not marked handled: its job is retried.
      expect(await seenIds([poisoned])).toEqual([]);
      const processed = (await dataSource.query(
        'SELECT event_id FROM processed_events WHERE event_id IN (?)',
        [ids],
      )) as Array<{ event_id: string }>;
      expect(processed.map((row) => row.event_id).sort()).toEqual([...healthy].sort());
      // The batch is done; the poisoned event goes on alone, under its own id, and is retried
      // (and dead-lettered) as an event published alone would be.
      await waitFor(async () => ((await queue.getJob(poisoned))?.attemptsMade ?? 0) >= 1);
      const alone = (await queue.getJob(poisoned))!;
      expect(alone.name).toBe('account.updated');
      expect((alone.data as DomainEvent).id).toBe(poisoned);
      expect(await waiting[0]!.getState()).toBe('completed');
      expect(await seenIds([poisoned])).toEqual([]);
    } finally {
      await consumer?.stop();
      await relay.stop();
      await closeQueue();
    }
  });

  it('handles each event once when its batch is delivered again, many times at once', async () => {
    const settings = settingsFor(testRedisUrl());
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings);
    const { queue, close: closeQueue } = openQueue(settings);
    try {
      const ids = await produce(6, 'again');
      await waitFor(async () => (await seenIds(ids)).length === ids.length);
      const events = ids.map((id, i) => accountUpdated(id, `again-${i}`));
      // Replays after BullMQ forgot the first jobs, all at once: the whole batch several times,
      // overlapping batches, and each event alone.
      const replays = await Promise.all([
        ...Array.from({ length: 4 }, (_, n) =>
          queue.add(EVENT_BATCH_JOB, { events }, { jobId: `whole-${n}` }),
        ),
        queue.add(EVENT_BATCH_JOB, { events: events.slice(2) }, { jobId: 'tail' }),
        ...events.map((event) => queue.add(event.type, event, { jobId: `${event.id}-alone` })),
      ]);
      await waitFor(async () =>
        (await Promise.all(replays.map((job) => job.getState()))).every(
          (state) => state === 'completed',
        ),
      );
      const rows = (await dataSource.query('SELECT event_id FROM seen WHERE event_id IN (?)', [
        ids,
      ])) as Array<{ event_id: string }>;
      expect(rows.map((row) => row.event_id).sort()).toEqual([...ids].sort());
    } finally {
      await closeQueue();
      await consumer.stop();
      await relay.stop();
    }
  });
});

describe('rows put aside for the batch', () => {
  it('are written together before the commit, once each, and never for a batch that failed', async () => {
    await dataSource.query(
      'CREATE TABLE noted (event_id VARCHAR(40) NOT NULL PRIMARY KEY, field VARCHAR(60) NOT NULL)',
    );
    const settings = settingsFor(testRedisUrl());
    const writes: number[] = [];
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) => produce(1, i === 9 ? 'poison' : `aside-${i}`)),
    ).then((made) => made.flat());
    const poisoned = ids[9]!;
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings, async (event, manager) => {
      await writeWithBatch(manager, 'noted', [event], async (events) => {
        writes.push(events.length);
        await manager.query(
          `INSERT INTO noted (event_id, field) VALUES ${events.map(() => '(?, ?)').join(', ')}`,
          events.flatMap((each) => [each.id, each.data.fields[0]]),
        );
      });
      // Thrown after its row was put aside: the row must not outlive the failed batch.
      if (event.data.fields[0]!.startsWith('poison')) throw new Error('cannot handle this');
    });
    try {
      const healthy = ids.filter((id) => id !== poisoned);
      await waitFor(async () => (await seenIds(healthy)).length >= healthy.length);
      const rows = (await dataSource.query('SELECT event_id FROM noted WHERE event_id IN (?)', [
        ids,
      ])) as Array<{ event_id: string }>;
      // Every healthy event's row once (the primary key would refuse a second), the poisoned
      // one's never, though its batch had put it aside before failing.
      expect(rows.map((row) => row.event_id).sort()).toEqual([...healthy].sort());
      // Fewer statements than events: the batches' rows went together.
      expect(writes.length).toBeLessThan(healthy.length);
      expect(Math.max(...writes)).toBeGreaterThan(1);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it('are written at once outside a consumer, where nothing would write them later', async () => {
    await dataSource.query('CREATE TABLE noted_alone (event_id VARCHAR(40) NOT NULL PRIMARY KEY)');
    await dataSource.transaction(async (manager) => {
      await writeWithBatch(manager, 'noted_alone', ['evt_alone'], (rows) =>
        manager.query('INSERT INTO noted_alone (event_id) VALUES (?)', rows),
      );
      const inside = (await manager.query('SELECT event_id FROM noted_alone')) as unknown[];
      expect(inside).toHaveLength(1);
    });
  });
});

describe('the jobs of a round', () => {
  const round = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) =>
      accountUpdated(`evt_${String(from + i).padStart(4, '0')}`, 'email'),
    );

  it('sends a lone event alone, under its own id and type', () => {
    const [only] = round(1);
    expect(eventJobs([only!])).toEqual([{ name: 'account.updated', data: only, jobId: only!.id }]);
  });

  it('carries up to a hundred events a job, every event in exactly one job, in order', () => {
    const events = round(EVENTS_PER_JOB * 2 + 1);
    const jobs = eventJobs(events);
    expect(jobs.map((job) => job.name)).toEqual([
      EVENT_BATCH_JOB,
      EVENT_BATCH_JOB,
      'account.updated',
    ]);
    const carried = jobs.flatMap((job) =>
      job.name === EVENT_BATCH_JOB ? (job.data as EventBatch).events : [job.data as DomainEvent],
    );
    expect(carried).toEqual(events);
  });

  it('names a batch by the events it carries, so publishing it again adds nothing', () => {
    const events = round(5);
    expect(eventJobs(events)[0]!.jobId).toBe(eventJobs(round(5))[0]!.jobId);
    expect(eventJobs(events)[0]!.jobId).not.toBe(eventJobs(round(5, 1))[0]!.jobId);
    expect(eventJobs(events)[0]!.jobId).not.toBe(eventJobs(round(4))[0]!.jobId);
    // Never an id a lone event could have, and no ':' (BullMQ's key separator).
    expect(eventJobs(events)[0]!.jobId).toMatch(/^events-[\w-]+$/);
  });
});

/** A Redis of this test's own, so it can be stopped and started again on the same port. */
async function startOwnRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const connection = createRedisConnection(`redis://127.0.0.1:${port}`);
  try {
    await connection.ping();
  } finally {
    connection.disconnect();
  }
  return redis;
}

async function stopOwnRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null) return;
  await new Promise((resolve) => {
    redis.once('exit', resolve);
    redis.kill('SIGKILL');
  });
}

describe('outbox while Redis is down', () => {
  it('keeps events in the outbox and delivers each once when Redis is back', async () => {
    const port = await freePort();
    let redis = await startOwnRedis(port);
    const settings = settingsFor(`redis://127.0.0.1:${port}`);
    const relay = startOutboxRelay({ dataSource, settings, log });
    const consumer = await startRecordingConsumer(settings);
    try {
      const before = await produce(5, 'before');
      await waitFor(async () => (await seenIds(before)).length === before.length);

      await stopOwnRedis(redis);
      const during = await produce(20, 'during');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const waiting = (await dataSource.query(
        'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL AND id IN (?)',
        [during],
      )) as Array<{ n: string | number }>;
      expect(Number(waiting[0]!.n)).toBe(during.length);

      redis = await startOwnRedis(port);
      await waitFor(async () => (await seenIds(during)).length >= during.length, 30_000);
      expect(await seenIds(during)).toEqual([...during].sort());
      expect(await seenIds(before)).toEqual([...before].sort());
    } finally {
      await consumer.stop();
      await relay.stop();
      await stopOwnRedis(redis);
    }
  }, 60_000);
});

it('names each consumer queue after its consumer', () => {
  expect(eventQueueName('notifications')).toBe('events-notifications');
});
