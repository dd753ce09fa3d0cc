import { Column, Entity, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@dash/auth-context';
import { featureAllowed, type PlatformFeatureName } from '@dash/contracts';
import { datetimeColumn } from '@dash/db';
import { DashError } from '@dash/errors';
import { requireAccount } from './access.js';

/**
 * What a service knows of a platform — its name and dashboard feature switches — kept from
 * identity's `platform.updated` events (or a seed) in the service's own `platforms` table.
 */
@Entity('platforms')
export class KnownPlatform {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'simple-json' }) features!: Record<string, boolean>;
  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;
}

export interface PlatformFacts {
  id: string;
  name: string;
  features: Record<string, boolean>;
}

/** Keeps what identity says a platform is now. */
export async function savePlatform(
  manager: EntityManager,
  platform: PlatformFacts,
  updatedAt: Date,
): Promise<void> {
  await manager.getRepository(KnownPlatform).upsert({ ...platform, updatedAt }, ['id']);
}

/** The `platform.updated` handler of every service that follows platforms' switches. */
export const keepPlatform = (
  event: { platformId: string; occurredAt: string; data: Omit<PlatformFacts, 'id'> },
  manager: EntityManager,
) => savePlatform(manager, { id: event.platformId, ...event.data }, new Date(event.occurredAt));

/**
 * The signed-in account, where its platform allows `feature` from the dashboard; otherwise
 * FORBIDDEN with reason FEATURE_DISABLED and the words the screen shows.
 */
export async function requireFeature(
  caller: Caller,
  platform: (platformId: string) => Promise<KnownPlatform | null>,
  feature: PlatformFeatureName,
  message: string,
): Promise<Extract<Caller, { kind: 'account' }>> {
  const account = requireAccount(caller);
  if (!featureAllowed((await platform(account.platformId))?.features, feature))
    throw new DashError('FORBIDDEN', message, { reason: 'FEATURE_DISABLED', feature });
  return account;
}

/** Per-request memo of platforms, so a page of rows asks for its platform once. */
export function platformLookup(dataSource: DataSource) {
  const seen = new Map<string, Promise<KnownPlatform | null>>();
  return (platformId: string) => {
    if (!seen.has(platformId))
      seen.set(platformId, dataSource.getRepository(KnownPlatform).findOneBy({ id: platformId }));
    return seen.get(platformId)!;
  };
}

/** The `accounts` and `platforms` tables, for a service's own migration. */
export const KNOWN_RECORDS_TABLES = [
  `CREATE TABLE accounts (
    id VARCHAR(40) NOT NULL PRIMARY KEY,
    platform_id VARCHAR(40) NOT NULL,
    livemode BOOLEAN NOT NULL,
    closed BOOLEAN NOT NULL
  ) ENGINE=InnoDB`,
  `CREATE TABLE platforms (
    id VARCHAR(40) NOT NULL PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    features TEXT NOT NULL,
    updated_at DATETIME(3) NOT NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
];
