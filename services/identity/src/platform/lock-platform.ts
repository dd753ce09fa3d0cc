import type { EntityManager } from 'typeorm';
import { DashError } from '@dash/errors';
import { Platform } from './platform.entity.js';

/**
 * Locks the platform's row for the rest of the transaction: changes to what a platform holds
 * (its keys, its embedding origins) queue one behind the other on it.
 */
export async function lockPlatform(manager: EntityManager, platformId: string): Promise<void> {
  const platform = await manager
    .getRepository(Platform)
    .findOne({ where: { id: platformId }, lock: { mode: 'pessimistic_write' } });
  if (!platform) throw new DashError('NOT_FOUND', `No such platform: ${platformId}`);
}
