import type { DataSource, EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { preparedEntities } from '@dash/db';
import { notFound } from '@dash/errors';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import type { KnownPlatform, PlatformLookup } from '@dash/subgraph';
import { ApiKeyService } from '../api-key/api-key.service.js';
import { Platform } from './platform.entity.js';
import type { StoredFeatures } from './platform-features.type.js';
import { checkedPlatformInput, knownPlatformOf, type NewPlatform } from './platform.rules.js';

/** Identity's platforms table: read once Access has let a caller through, and their switches. */
export class PlatformService {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<Platform | null> {
    // Read for every dashboard frame and switch check: a prepared statement, not a built query.
    const [platform] = await preparedEntities(this.dataSource, Platform, 'WHERE id = ?', [id]);
    return platform ?? null;
  }

  /** A platform the caller may see; NOT_FOUND if there is none. */
  async get(id: string): Promise<Platform> {
    const platform = await this.find(id);
    if (!platform) throw notFound('platform', id);
    return platform;
  }

  /** For one request's Access: each platform read at most once. */
  lookup(): PlatformLookup {
    const seen = new Map<string, Promise<KnownPlatform | null>>();
    return (platformId) => {
      if (!seen.has(platformId))
        seen.set(
          platformId,
          this.find(platformId).then((platform) => platform && knownPlatformOf(platform)),
        );
      return seen.get(platformId)!;
    };
  }

  /**
   * Sets some of one mode's feature switches: a test key's call never reaches live mode's. The
   * read-modify-write is one transaction, so none is lost.
   */
  updateFeatures({ platformId, livemode }: Tenant, switches: StoredFeatures): Promise<Platform> {
    return this.dataSource.transaction(async (manager) => {
      const platforms = manager.getRepository(Platform);
      const platform = await platforms.findOneOrFail({
        where: { id: platformId },
        lock: { mode: 'pessimistic_write' },
      });
      const column = livemode ? 'storedFeatures' : 'storedTestFeatures';
      platform[column] = { ...platform[column], ...switches };
      await platforms.update({ id: platformId }, { [column]: platform[column] });
      await recordPlatformUpdated(manager, platformId);
      return platform;
    });
  }
}

/** Creates a platform with one test and one live key, in one transaction; returns the secrets. */
export async function createPlatform(dataSource: DataSource, input: NewPlatform) {
  const { name, brandColor } = checkedPlatformInput(input);
  const keys = new ApiKeyService(dataSource);
  return dataSource.transaction(async (manager) => {
    const platform = manager.getRepository(Platform).create({
      id: newId('platform'),
      name,
      brandColor,
      iconUrl: input.iconUrl ?? null,
      createdAt: new Date(),
      storedFeatures: null,
      storedTestFeatures: null,
    });
    await manager.getRepository(Platform).insert(platform);
    await recordPlatformUpdated(manager, platform.id);
    const test = await keys.issue({ platformId: platform.id, livemode: false }, { manager });
    const live = await keys.issue({ platformId: platform.id, livemode: true }, { manager });
    return { platform, testSecret: test.secret, liveSecret: live.secret };
  });
}

/**
 * Tells other services what the platform is now called, allows and looks like
 * (`platform.updated`), in the transaction that changed it: the ledger names payments after it
 * and checks its switches; notifications frames emails in its branding and sends its technical
 * notices.
 */
export async function recordPlatformUpdated(
  manager: EntityManager,
  platformId: string,
): Promise<void> {
  const platform = await manager.getRepository(Platform).findOneByOrFail({ id: platformId });
  await recordEvent(
    manager,
    'identity',
    'platform.updated',
    { accountId: null, platformId, livemode: false },
    {
      name: platform.name,
      features: { ...platform.featuresIn(true) },
      testFeatures: { ...platform.featuresIn(false) },
      branding: {
        brandColor: platform.brandColor,
        iconUrl: platform.iconUrl,
        supportEmail: platform.supportEmail,
        supportPhone: platform.supportPhone,
        supportUrl: platform.supportUrl,
        technicalEmail: platform.technicalEmail,
      },
    },
  );
}
