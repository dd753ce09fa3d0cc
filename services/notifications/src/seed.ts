import type { DataSource } from 'typeorm';
import { ActivityItem } from './entities/activity-item.entity.js';

export type ActivitySeed = ActivityItem[];

/** Writes demo activity; running it twice leaves the same rows (upsert by id). */
export async function seedActivity(dataSource: DataSource, items: ActivitySeed): Promise<void> {
  await dataSource.getRepository(ActivityItem).upsert(items, ['id']);
}
