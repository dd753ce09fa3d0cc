import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import type { DomainEvent, DomainEventData } from '@dash/events';
import { newId } from '@dash/ids';
import { touchReads } from '@dash/read-cache';
import { AccountRecords, type Keyset } from '@dash/subgraph';
import { ActivityItem } from './activity-item.entity.js';
import { activityText, type ActivityKind } from './activity-texts.rules.js';
import type { ActivitySubjectType } from './subject.rules.js';

/** What an item is about, where it links to. */
export type ActivitySubject = { type: ActivitySubjectType; id?: string | null } | null;

/** The activity hub's items: kept from events, paged, counted and marked read. */
export class ActivityItems extends AccountRecords<ActivityItem> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(ActivityItem));
  }

  /**
   * Keeps an item of the event's kind with `params`, the facts its texts are made from when it
   * is read (in English too, as written, for readers of the row as it is).
   */
  async record<Kind extends ActivityKind>(
    manager: EntityManager,
    event: DomainEvent<Kind>,
    params: DomainEventData[Kind],
    subject: ActivitySubject = null,
  ): Promise<void> {
    // Activity belongs to an account; platform-wide events never reach these handlers.
    if (!event.accountId) return;
    const english = activityText(event.type, params, 'en');
    await manager.getRepository(ActivityItem).insert({
      id: newId('activity'),
      accountId: event.accountId,
      platformId: event.platformId,
      livemode: event.livemode,
      kind: event.type,
      title: english.title,
      body: english.body,
      params,
      readAt: null,
      subjectType: subject?.type ?? null,
      subjectId: subject?.id ?? null,
      createdAt: new Date(event.occurredAt),
    });
  }

  /**
   * Newest first, by keyset (created, id); optionally the unread only. Read from a replica: an
   * item or a "read" mark a second late shows on the next refresh, and nothing is decided on it.
   */
  itemsPage(account: AccountRef, first: number, after?: Keyset, unreadOnly = false) {
    return this.replicaPage(account, first, after, (query, alias) => {
      if (unreadOnly) query.andWhere(`${alias}.read_at IS NULL`);
    });
  }

  /** Marks items read (all unread ones when `ids` is left out); answers how many changed. */
  async markRead(account: AccountRef, now: Date, ids?: string[]): Promise<number> {
    const result = await this.repository.update(
      { ...account, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: now },
    );
    if (result.affected)
      await touchReads(this.repository.manager, { accountId: account.accountId });
    return result.affected ?? 0;
  }
}
