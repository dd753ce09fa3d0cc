import { Column, Entity, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import { datetimeColumn, preparedEntities } from '@dash/db';

/**
 * What a service knows of a platform — its name and dashboard feature switches, live mode's and
 * test mode's apart — kept from identity's `platform.updated` events (or a seed) in the
 * service's own `platforms` table.
 */
@Entity('platforms')
export class KnownPlatform {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  /** Live mode's switches. */
  @Column({ type: 'simple-json' }) features!: Record<string, boolean>;
  /** Test mode's switches (null: not heard of yet, live mode's apply). */
  @Column({ name: 'test_features', type: 'simple-json', nullable: true })
  testFeatures!: Record<string, boolean> | null;
  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;
}

export interface PlatformFacts {
  id: string;
  name: string;
  /** Live mode's switches. */
  features: Record<string, boolean>;
  /** Test mode's; absent in events from before switches were kept per mode (live's apply). */
  testFeatures?: Record<string, boolean>;
}

/**
 * The switches that apply in one mode: a test key changes test mode's only, so a leaked test
 * key never changes what live accounts may do.
 */
export const switchesIn = (
  platform: Pick<KnownPlatform, 'features' | 'testFeatures'> | null | undefined,
  livemode: boolean,
): Record<string, boolean> | undefined =>
  platform
    ? livemode
      ? platform.features
      : (platform.testFeatures ?? platform.features)
    : undefined;

/** Keeps what identity says a platform is now. */
export async function savePlatform(
  manager: EntityManager,
  platform: PlatformFacts,
  updatedAt: Date,
): Promise<void> {
  // Events may arrive out of order: an older state never overwrites a newer one.
  const newer = 'updated_at <= VALUES(updated_at)';
  await manager.query(
    `INSERT INTO platforms (id, name, features, test_features, updated_at) VALUES (?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE
       name = IF(${newer}, VALUES(name), name),
       features = IF(${newer}, VALUES(features), features),
       test_features = IF(${newer}, VALUES(test_features), test_features),
       updated_at = IF(${newer}, VALUES(updated_at), updated_at)`,
    [
      platform.id,
      platform.name,
      JSON.stringify(platform.features),
      JSON.stringify(platform.testFeatures ?? platform.features),
      updatedAt,
    ],
  );
}

/** The `platform.updated` handler of every service that follows platforms' switches. */
export const keepPlatform = (
  event: { platformId: string; occurredAt: string; data: Omit<PlatformFacts, 'id'> },
  manager: EntityManager,
) => savePlatform(manager, { id: event.platformId, ...event.data }, new Date(event.occurredAt));

/** Per-request memo of platforms, so a page of rows asks for its platform once. */
export function platformLookup(dataSource: DataSource) {
  const seen = new Map<string, Promise<KnownPlatform | null>>();
  return (platformId: string) => {
    if (!seen.has(platformId))
      seen.set(
        platformId,
        // Asked on most requests (a platform's switches): a prepared read, no query built.
        preparedEntities(dataSource, KnownPlatform, 'WHERE id = ?', [platformId]).then(
          ([platform]) => platform ?? null,
        ),
      );
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
