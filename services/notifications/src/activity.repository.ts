import type { DataSource } from 'typeorm';
import { AccountRecords } from '@dash/subgraph';
import { ActivityItem } from './entities/activity-item.entity.js';

export class ActivityRepository extends AccountRecords<ActivityItem> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(ActivityItem));
  }
}
