import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, PlatformBrandingFacts } from '@dash/events';
import { PlatformBrand } from './platform-brand.entity.js';

/** Identity's colour for a platform that never chose one. */
export const DEFAULT_BRAND_COLOR = '#5b4cf0';

/** A platform's branding as kept: its name, and the rest when identity said it. */
export interface PlatformBrandFacts {
  platformId: string;
  name: string;
  branding?: PlatformBrandingFacts | undefined;
}

/**
 * Keeps what identity says a platform looks like now. Events may arrive out of order: an older
 * state never overwrites a newer one. An event from before branding travelled with the name
 * (no `branding`) changes the name alone.
 */
export async function savePlatformBrand(
  manager: EntityManager,
  { platformId, name, branding }: PlatformBrandFacts,
  updatedAt: Date,
): Promise<void> {
  const newer = 'updated_at <= VALUES(updated_at)';
  const brandingColumns = [
    'brand_color',
    'icon_url',
    'support_email',
    'support_phone',
    'support_url',
    'technical_email',
  ];
  const updates = ['name', ...(branding ? brandingColumns : []), 'updated_at']
    .map((column) => `${column} = IF(${newer}, VALUES(${column}), ${column})`)
    .join(', ');
  await manager.query(
    `INSERT INTO platform_brands
       (platform_id, name, brand_color, icon_url, support_email, support_phone, support_url,
        technical_email, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE ${updates}`,
    [
      platformId,
      name,
      branding?.brandColor ?? DEFAULT_BRAND_COLOR,
      branding?.iconUrl ?? null,
      branding?.supportEmail ?? null,
      branding?.supportPhone ?? null,
      branding?.supportUrl ?? null,
      branding?.technicalEmail ?? null,
      updatedAt,
    ],
  );
}

/** Each platform's branding, as the emails to its accounts and its own notices use it. */
export class PlatformBrands {
  constructor(private readonly dataSource: DataSource) {}

  /** The `platform.updated` handler: the platform as it is now. */
  keep(event: DomainEvent<'platform.updated'>, manager: EntityManager): Promise<void> {
    return savePlatformBrand(
      manager,
      { platformId: event.platformId, name: event.data.name, branding: event.data.branding },
      new Date(event.occurredAt),
    );
  }

  /** The platform's branding, or null before identity has said anything of it. */
  find(platformId: string): Promise<PlatformBrand | null> {
    return this.dataSource.getRepository(PlatformBrand).findOneBy({ platformId });
  }
}
