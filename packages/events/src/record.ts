import type { EntityManager } from 'typeorm';
import type { AccountRef, Tenant } from '@dash/contracts';
import { monotonicIds } from '@dash/ids';
import { touchReads } from '@dash/read-cache';
import { noteOutboxWrite } from './outbox-commits.js';
import type { DomainEvent, DomainEventData, DomainEventType } from './catalog.js';

/** What an event is about: one account, or (accountId null) a whole tenant. */
type EventSubject = AccountRef | (Tenant & { accountId: null });

/**
 * Event ids of this process, in the order the events were recorded, even within a millisecond:
 * the relay publishes in id order, so consumers see one change's events in the order it made them.
 */
const nextEventId = monotonicIds();

/**
 * Writes an event to the outbox through `manager`, which must be the transaction making the
 * change: the event then exists exactly when the change does, whatever fails afterwards. The
 * relay publishes it later; the subject's cached reads are invalidated once the change commits.
 */
export async function recordEvent<Type extends DomainEventType>(
  manager: EntityManager,
  source: string,
  type: Type,
  subject: EventSubject,
  data: DomainEventData[Type],
  occurredAt = new Date(),
): Promise<DomainEvent<Type>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`recordEvent(${type}) must run inside the transaction that makes the change`);
  }
  const event: DomainEvent<Type> = {
    id: nextEventId('event'),
    type,
    source,
    accountId: subject.accountId,
    platformId: subject.platformId,
    livemode: subject.livemode,
    occurredAt: occurredAt.toISOString(),
    data,
  };
  await manager.query(
    `INSERT INTO outbox_events (id, type, account_id, platform_id, livemode, data, occurred_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      event.id,
      type,
      subject.accountId,
      subject.platformId,
      subject.livemode,
      JSON.stringify({ source, data }),
      occurredAt,
    ],
  );
  noteOutboxWrite(manager.queryRunner);
  // Every event names what changed, so cached dashboard reads of it go stale once this commits.
  await touchReads(
    manager,
    subject.accountId === null
      ? { platformId: subject.platformId }
      : { accountId: subject.accountId },
  );
  return event;
}
