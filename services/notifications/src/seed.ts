import type { DataSource } from 'typeorm';
import { upsertSeedRows, type SeedRow } from '@dash/subgraph';
import { sealValue, type SecretKeys } from '@dash/config';
import { ActivityItem } from './activity/activity-item.entity.js';
import { WebhookEndpoint, WebhookEndpointStatus } from './webhook/webhook-endpoint.entity.js';
import {
  savePlatformBrand,
  type PlatformBrandFacts,
} from './platform-brand/platform-brands.service.js';

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

/**
 * A platform's branding for the first emails of a fresh stack, sent before identity's
 * `platform.updated` arrives. Kept as the oldest possible state: any event replaces it, and
 * running it again never undoes one.
 */
export function seedPlatformBrand(
  dataSource: DataSource,
  brand: PlatformBrandFacts,
): Promise<void> {
  return dataSource.transaction((manager) => savePlatformBrand(manager, brand, new Date(0)));
}

/** A webhook endpoint with a known secret, for a demo receiver that verifies what it gets. */
export interface WebhookEndpointSeed {
  id: string;
  platformId: string;
  livemode: boolean;
  url: string;
  secret: string;
  description: string;
}

/**
 * Writes (or points again) a demo endpoint taking every event type; its secret is sealed as
 * any endpoint's is. Running it twice leaves one endpoint, enabled, at the latest URL.
 */
export async function seedWebhookEndpoint(
  dataSource: DataSource,
  keys: SecretKeys,
  seed: WebhookEndpointSeed,
): Promise<void> {
  await dataSource.getRepository(WebhookEndpoint).upsert(
    {
      id: seed.id,
      platformId: seed.platformId,
      livemode: seed.livemode,
      url: seed.url,
      description: seed.description,
      enabledEvents: ['*'],
      status: WebhookEndpointStatus.enabled,
      disabledReason: null,
      secret: sealValue(keys, 'webhook-secret', seed.secret, seed.id),
      previousSecret: null,
      previousSecretExpiresAt: null,
      failingSince: null,
      lastFailure: null,
      disabledAt: null,
      disabledNoticeDue: false,
      createdAt: new Date(),
    },
    { conflictPaths: ['id'], skipUpdateIfNoValuesChanged: false },
  );
}
