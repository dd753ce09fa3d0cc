import type { DataSource } from 'typeorm';
import { upsertSeedRows, type SeedRow } from '@dash/subgraph';
import { ActivityItem } from './entities/activity-item.entity.js';

export type ActivitySeed = Array<SeedRow<ActivityItem>>;

/** Writes demo activity; running it twice changes nothing. */
export function seedActivity(dataSource: DataSource, items: ActivitySeed): Promise<void> {
  return upsertSeedRows(dataSource, ActivityItem, items);
}
