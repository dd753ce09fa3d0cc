import type { DataSource } from 'typeorm';
import { upsertSeedRows, type SeedRow } from '@dash/subgraph';
import { ActivityItem } from './activity/activity-item.entity.js';

/** Demo activity: its facts (`params`) where it has them, else its English text as written. */
export type ActivitySeed = Array<
  Omit<SeedRow<ActivityItem>, 'params'> & Partial<Pick<ActivityItem, 'params'>>
>;

/** Writes demo activity; running it twice changes nothing. */
export function seedActivity(dataSource: DataSource, items: ActivitySeed): Promise<void> {
  return upsertSeedRows(
    dataSource,
    ActivityItem,
    items.map((item) => ({ params: null, ...item })),
  );
}
