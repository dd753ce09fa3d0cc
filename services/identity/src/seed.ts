import type { DataSource } from 'typeorm';
import { Account } from './account/account.entity.js';
import type { BusinessType } from './account/business-profile.entity.js';
import { ApiKey } from './api-key/api-key.entity.js';
import { hashSecret } from './api-key/secret-key.rules.js';
import { Platform } from './platform/platform.entity.js';
import type { StoredFeatures } from './platform/platform-features.type.js';
import { recordPlatformUpdated } from './platform/platform.service.js';
import { PlatformBranding, type BrandingChange } from './branding/platform-branding.service.js';
import { AccountSessions } from './embedding/account-session.service.js';

export interface IdentitySeed {
  platform: Pick<Platform, 'id' | 'name' | 'brandColor'> & {
    features?: StoredFeatures;
    /** Icon (a data URL) and support contact, kept as updatePlatformBranding keeps them. */
    branding?: Pick<BrandingChange, 'icon' | 'supportEmail' | 'supportPhone' | 'supportUrl'>;
  };
  accounts: Array<
    Pick<Account, 'id' | 'displayName' | 'email' | 'country' | 'defaultCurrency' | 'livemode'> &
      Partial<
        Pick<
          Account,
          | 'phone'
          | 'businessProfile'
          | 'onboardingDetails'
          | 'tosAcceptance'
          | 'verification'
          | 'externalAccountProvided'
        >
      > & { businessType?: `${BusinessType}` }
  >;
  /** Fixed, published keys for local demos only; real keys come from `npm run platform`. */
  apiKeys?: Array<{ id: string; livemode: boolean; secret: string }>;
  /** Where the platform's test-mode web app embeds components (the demo platform's page). */
  testEmbedOrigins?: string[];
}

/** Writes demo rows; running it twice leaves the same rows (upsert by id). */
export async function seedIdentity(
  dataSource: DataSource,
  seed: IdentitySeed,
  now = new Date(),
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const { features, branding: _branding, ...platform } = seed.platform;
    await manager.getRepository(Platform).upsert(
      {
        ...platform,
        iconUrl: null,
        createdAt: now,
        // Seeded switches apply in both modes.
        ...(features ? { storedFeatures: features, storedTestFeatures: features } : {}),
      },
      ['id'],
    );
    await recordPlatformUpdated(manager, platform.id);
    await manager.getRepository(Account).upsert(
      seed.accounts.map((account) => ({
        ...(account as Partial<Account>),
        platformId: seed.platform.id,
        createdAt: now,
      })),
      ['id'],
    );
    await manager.getRepository(ApiKey).upsert(
      (seed.apiKeys ?? []).map(({ id, livemode, secret }) => ({
        id,
        platformId: seed.platform.id,
        livemode,
        secretHash: hashSecret(secret),
        last4: secret.slice(-4),
        createdAt: now,
        revokedAt: null,
      })),
      ['id'],
    );
  });
  if (seed.platform.branding)
    await new PlatformBranding(dataSource).update(seed.platform.id, seed.platform.branding);
  if (seed.testEmbedOrigins)
    await new AccountSessions(dataSource, () => now).setOrigins(
      { platformId: seed.platform.id, livemode: false },
      seed.testEmbedOrigins,
    );
}
