import type { DataSource, EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { insertRows } from '@dash/db';
import { writeWithBatch, type DomainEvent } from '@dash/events';
import { newestFirstPage } from '@dash/subgraph';
import { PlatformEvent } from './platform-event.entity.js';
import type { PublicEventDraft } from './public-events.rules.js';

export interface EventFilter {
  type?: string | undefined;
  account?: string | undefined;
  createdAfter?: Date | undefined;
}

/** The events platforms are told of: kept as they happened, listed newest first, pruned. */
export class PlatformEvents {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Keeps a domain event as its public event, inside the consumer's transaction (written with
   * the other events of its batch). Its id is the domain event's, so a replay keeps nothing new.
   */
  async record(
    manager: EntityManager,
    event: DomainEvent,
    draft: PublicEventDraft,
  ): Promise<PlatformEvent> {
    const row = manager.getRepository(PlatformEvent).create({
      id: event.id,
      platformId: event.platformId,
      livemode: event.livemode,
      account: event.accountId,
      type: draft.type,
      object: draft.object,
      synthetic: false,
      createdAt: new Date(event.occurredAt),
    });
    // With the batch's other events: a busy platform's charges are many events a transaction.
    await writeWithBatch(manager, 'platform_events', [row], (rows) =>
      insertRows(manager, PlatformEvent, rows, { ignoreDuplicates: true }),
    );
    return row;
  }

  /** A test webhook's event: delivered like any other, never listed. */
  async recordSynthetic(row: Omit<PlatformEvent, 'synthetic'>): Promise<PlatformEvent> {
    const event = this.dataSource.getRepository(PlatformEvent).create({ ...row, synthetic: true });
    await this.dataSource.getRepository(PlatformEvent).insert(event as never);
    return event;
  }

  /** One of the tenant's events (synthetic ones included: a delivery may point at one). */
  byId(tenant: Tenant, id: string): Promise<PlatformEvent | null> {
    return this.dataSource.getRepository(PlatformEvent).findOneBy({ id, ...tenant });
  }

  /** By id alone, for the worker (which acts for no caller). */
  find(id: string): Promise<PlatformEvent | null> {
    return this.dataSource.getRepository(PlatformEvent).findOneBy({ id });
  }

  async list(tenant: Tenant, filter: EventFilter, first: number, after?: string) {
    let query = this.dataSource
      .getRepository(PlatformEvent)
      .createQueryBuilder('event')
      .where('event.platform_id = :platformId AND event.livemode = :livemode', tenant)
      .andWhere('event.synthetic = FALSE');
    if (filter.type) query = query.andWhere('event.type = :type', { type: filter.type });
    if (filter.account)
      query = query.andWhere('event.account_id = :account', { account: filter.account });
    if (filter.createdAfter)
      query = query.andWhere('event.created_at > :createdAfter', {
        createdAfter: filter.createdAfter,
      });
    return newestFirstPage(query, 'event', { first, after });
  }

  /** Deletes events older than `before`, in small batches so no delete holds locks for long. */
  async prune(before: Date, batch = 1000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const result = (await this.dataSource.query(
        'DELETE FROM platform_events WHERE created_at < ? LIMIT ?',
        [before, batch],
      )) as { affectedRows?: number };
      deleted += result.affectedRows ?? 0;
      if ((result.affectedRows ?? 0) < batch) return deleted;
    }
  }
}
