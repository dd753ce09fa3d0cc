import { IsNull, type DataSource } from 'typeorm';
import { ActivityItem } from './entities/activity-item.entity.js';

type AccountScope = { accountId: string; platformId?: string };

export class ActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  latest(scope: AccountScope, first: number): Promise<ActivityItem[]> {
    return this.dataSource.getRepository(ActivityItem).find({
      where: scope,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  countUnread(scope: AccountScope): Promise<number> {
    return this.dataSource.getRepository(ActivityItem).countBy({ ...scope, readAt: IsNull() });
  }
}
