import type { DataSource, EntityManager } from 'typeorm';
import { LedgerPlatform } from '../entities/ledger-platform.entity.js';

export interface PlatformFacts {
  id: string;
  name: string;
  features: Record<string, boolean>;
}

/** Keeps what identity says a platform is now (from `platform.updated`, or a seed). */
export async function savePlatform(
  manager: EntityManager,
  platform: PlatformFacts,
  updatedAt: Date,
): Promise<void> {
  await manager.getRepository(LedgerPlatform).upsert({ ...platform, updatedAt }, ['id']);
}

/** Per-request memo of platforms, so a page of rows asks for its platform once. */
export function platformLookup(dataSource: DataSource) {
  const seen = new Map<string, Promise<LedgerPlatform | null>>();
  return (platformId: string) => {
    if (!seen.has(platformId))
      seen.set(platformId, dataSource.getRepository(LedgerPlatform).findOneBy({ id: platformId }));
    return seen.get(platformId)!;
  };
}

/** What a payment or transfer is called when the platform gave it no description. */
export const defaultDescription = (platform: LedgerPlatform | null) =>
  `Payment from ${platform?.name ?? 'your platform'}`;
