import type { DataSource } from 'typeorm';
import { Account } from './entities/account.entity.js';
import { Platform } from './entities/platform.entity.js';

export interface IdentitySeed {
  platform: Pick<Platform, 'id' | 'name' | 'brandColor'>;
  accounts: Array<
    Pick<Account, 'id' | 'displayName' | 'email' | 'country' | 'defaultCurrency' | 'livemode'>
  >;
}

/** Writes demo rows; running it twice leaves the same rows (upsert by id). */
export async function seedIdentity(
  dataSource: DataSource,
  seed: IdentitySeed,
  now = new Date(),
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager
      .getRepository(Platform)
      .upsert({ ...seed.platform, iconUrl: null, createdAt: now }, ['id']);
    await manager.getRepository(Account).upsert(
      seed.accounts.map((account) => ({
        ...account,
        platformId: seed.platform.id,
        createdAt: now,
      })),
      ['id'],
    );
  });
}
