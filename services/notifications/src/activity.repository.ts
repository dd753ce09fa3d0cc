import { In, IsNull, type DataSource } from 'typeorm';
import { AccountRecords, type AccountScope, type Keyset } from '@dash/subgraph';
import { ActivityItem } from './entities/activity-item.entity.js';

export class ActivityRepository extends AccountRecords<ActivityItem> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(ActivityItem));
  }

  /** Newest first, by keyset (created, id); optionally the unread only. */
  page(scope: AccountScope, first: number, after?: Keyset, unreadOnly = false) {
    const query = this.repository
      .createQueryBuilder('act')
      .where('act.account_id = :accountId AND act.livemode = :livemode', scope);
    if (scope.platformId) query.andWhere('act.platform_id = :platformId', scope);
    if (unreadOnly) query.andWhere('act.read_at IS NULL');
    if (after)
      query.andWhere(
        '(act.created_at < :afterAt OR (act.created_at = :afterAt AND act.id < :afterId))',
        { afterAt: after.createdAt, afterId: after.id },
      );
    return query
      .orderBy('act.created_at', 'DESC')
      .addOrderBy('act.id', 'DESC')
      .take(first + 1)
      .getMany();
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
