import type { DataSource, EntityManager } from 'typeorm';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import { ApiKeyRepository } from '../api-key/api-key.service.js';
import { Platform } from './platform.entity.js';

export interface NewPlatform {
  name: string;
  brandColor?: string;
  iconUrl?: string | null;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export class PlatformInputError extends Error {}

/** Creates a platform with one test and one live key, in one transaction; returns the secrets. */
export async function createPlatform(dataSource: DataSource, input: NewPlatform) {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 120)
    throw new PlatformInputError('name must be 1 to 120 characters');
  const brandColor = input.brandColor ?? '#5b4cf0';
  if (!HEX_COLOR.test(brandColor))
    throw new PlatformInputError('brandColor must look like #5b4cf0');
  const keys = new ApiKeyRepository(dataSource);
  return dataSource.transaction(async (manager) => {
    const platform = manager.getRepository(Platform).create({
      id: newId('platform'),
      name,
      brandColor: brandColor.toLowerCase(),
      iconUrl: input.iconUrl ?? null,
      createdAt: new Date(),
      storedFeatures: null,
      storedTestFeatures: null,
    });
    await manager.getRepository(Platform).insert(platform);
    await recordPlatformUpdated(manager, platform.id);
    const test = await keys.issue(platform.id, false, { manager });
    const live = await keys.issue(platform.id, true, { manager });
    return { platform, testSecret: test.secret, liveSecret: live.secret };
  });
}

/**
 * Tells other services what the platform is now called and allows (`platform.updated`), in the
 * transaction that changed it: the ledger names payments after it and checks its switches.
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
    },
  );
}
