import type { EntityManager } from 'typeorm';
import type { AccountRef, Tenant } from '@dash/contracts';
import { monotonicIds } from '@dash/ids';
import { touchReads, type ReadScope } from '@dash/read-cache';
import { noteOutboxWrite } from './outbox-commits.js';
import type { DomainEvent, DomainEventData, DomainEventType } from './catalog.js';

/** What an event is about: one account, or (accountId null) a whole tenant. */
type EventSubject = AccountRef | (Tenant & { accountId: null });

/**
 * Event ids of this process, in the order the events were recorded, even within a millisecond:
 * the relay publishes in id order, so consumers see one change's events in the order it made them.
 */
const nextEventId = monotonicIds();

/** The cached reads an event's subject guards: its account's, or its whole tenant's. */
export const readScopeOf = (event: { accountId: string | null; platformId: string }): ReadScope =>
  event.accountId === null ? { platformId: event.platformId } : { accountId: event.accountId };

/** One event to record: its type, what it is about, its data and when it happened. */
export interface EventToRecord<Type extends DomainEventType = DomainEventType> {
  type: Type;
  subject: EventSubject;
  data: DomainEventData[Type];
  occurredAt?: Date;
}

/**
 * Writes events to the outbox through `manager`, which must be the transaction making the
 * change: the events then exist exactly when the change does, whatever fails afterwards. The
 * relay publishes them later; their subjects' cached reads are invalidated once the change
 * commits. Several events are one statement.
 */
export async function recordEvents(
  manager: EntityManager,
  source: string,
  toRecord: EventToRecord[],
): Promise<DomainEvent[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `recordEvent(${toRecord.map((event) => event.type).join(', ')}) must run inside the transaction that makes the change`,
    );
  }
  if (toRecord.length === 0) return [];
  const events = toRecord.map(({ type, subject, data, occurredAt = new Date() }): DomainEvent => ({
    id: nextEventId('event'),
    type,
    source,
    accountId: subject.accountId,
    platformId: subject.platformId,
    livemode: subject.livemode,
    occurredAt: occurredAt.toISOString(),
    data: data as never,
  }));
  await manager.query(
    `INSERT INTO outbox_events (id, type, account_id, platform_id, livemode, data, occurred_at)
     VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    events.flatMap((event) => [
      event.id,
      event.type,
      event.accountId,
      event.platformId,
      event.livemode,
      JSON.stringify({ source, data: event.data }),
      new Date(event.occurredAt),
    ]),
  );
  noteOutboxWrite(manager.queryRunner);
  // Every event names what changed, so cached dashboard reads of it go stale once this commits.
  await touchReads(manager, ...events.map(readScopeOf));
  return events;
}

/** Writes one event to the outbox, in the transaction making the change (see `recordEvents`). */
export async function recordEvent<Type extends DomainEventType>(
  manager: EntityManager,
  source: string,
  type: Type,
  subject: EventSubject,
  data: DomainEventData[Type],
  occurredAt = new Date(),
): Promise<DomainEvent<Type>> {
  const [event] = await recordEvents(manager, source, [
    { type, subject, data, occurredAt } as EventToRecord,
  ]);
  return event as DomainEvent<Type>;
}
