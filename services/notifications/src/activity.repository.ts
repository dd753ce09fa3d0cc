import { In, IsNull, type DataSource } from 'typeorm';
import { AccountRecords, type AccountScope, type Keyset } from '@dash/subgraph';
import { ActivityItem } from './entities/activity-item.entity.js';

export class ActivityRepository extends AccountRecords<ActivityItem> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(ActivityItem));
  }

  /** Newest first, by keyset (created, id); optionally the unread only. */
  itemsPage(scope: AccountScope, first: number, after?: Keyset, unreadOnly = false) {
    return this.page(scope, first, after, (query, alias) => {
      if (unreadOnly) query.andWhere(`${alias}.read_at IS NULL`);
    });
  }

  /** Marks items read (all unread ones when `ids` is left out); answers how many changed. */
  async markRead(scope: AccountScope, now: Date, ids?: string[]): Promise<number> {
    const result = await this.repository.update(
      { ...scope, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: now },
    );
    return result.affected ?? 0;
  }
}
