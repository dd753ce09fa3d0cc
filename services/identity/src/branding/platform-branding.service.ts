import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput } from '@dash/errors';
import { Platform } from '../platform/platform.entity.js';
import { recordPlatformUpdated } from '../platform/platform.service.js';
import { accessibleBrandColor } from './brand-color.rules.js';
import { checkedIcon, type PlatformIcon } from './platform-icon.rules.js';
import { checkedSupportContact, type SupportContact } from './support-contact.rules.js';
import { checkedTechnicalEmail } from './technical-email.rules.js';

/** What updatePlatformBranding may change; what is left out stays, null clears. */
export interface BrandingChange extends Partial<Record<keyof SupportContact, string | null>> {
  name?: string | undefined;
  /** A data URL (PNG, JPEG or SVG), or null to remove the icon. */
  icon?: string | null | undefined;
  primaryColor?: string | undefined;
  /** Where notices for the platform's developers go; null clears it. */
  technicalEmail?: string | null | undefined;
}

const EXTENSIONS: Record<PlatformIcon['contentType'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** The path an icon is served at: its digest in it, so a new icon is a new URL (cached for ever). */
export const iconPath = (
  platformId: string,
  digest: string,
  contentType: PlatformIcon['contentType'],
) => `/platform-icons/${platformId}/${digest}.${EXTENSIONS[contentType]}`;

/**
 * A platform's name, icon, colour, support contact and technical address. Everything is checked
 * before anything is written; the change and its `platform.updated` event are one transaction.
 */
export class PlatformBranding {
  constructor(private readonly dataSource: DataSource) {}

  async update(platformId: string, change: BrandingChange) {
    const name = change.name?.trim();
    if (name !== undefined && (name.length < 1 || name.length > 120))
      throw badInput('name must be 1 to 120 characters', 'name');
    const color =
      change.primaryColor === undefined ? undefined : accessibleBrandColor(change.primaryColor);
    // undefined keeps the icon, null removes it.
    const icon: PlatformIcon | null | undefined = change.icon
      ? await checkedIcon(change.icon)
      : change.icon === null || change.icon === ''
        ? null
        : undefined;
    const contact = checkedSupportContact(change);
    const technicalEmail = checkedTechnicalEmail(change.technicalEmail);
    return this.dataSource.transaction(async (manager) => {
      const platforms = manager.getRepository(Platform);
      const platform = await platforms.findOneOrFail({
        where: { id: platformId },
        lock: { mode: 'pessimistic_write' },
      });
      const fields: Partial<Platform> = { ...contact };
      if (technicalEmail !== undefined) fields.technicalEmail = technicalEmail;
      if (name !== undefined) fields.name = name;
      if (color) fields.brandColor = color.color;
      if (icon === null) {
        await manager.query('DELETE FROM platform_icons WHERE platform_id = ?', [platformId]);
        fields.iconUrl = null;
      } else if (icon) {
        const digest = createHash('sha256').update(icon.bytes).digest('hex').slice(0, 16);
        await manager.query(
          `INSERT INTO platform_icons (platform_id, content_type, bytes, digest, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE content_type = VALUES(content_type), bytes = VALUES(bytes),
             digest = VALUES(digest), updated_at = VALUES(updated_at)`,
          [platformId, icon.contentType, icon.bytes, digest, new Date()],
        );
        fields.iconUrl = iconPath(platformId, digest, icon.contentType);
      }
      if (Object.keys(fields).length > 0) await platforms.update({ id: platformId }, fields);
      await recordPlatformUpdated(manager, platformId);
      return { platform: Object.assign(platform, fields), colorAdjusted: color?.adjusted ?? false };
    });
  }

  /** The icon at `digest`, or null (an old URL after a new upload is gone). */
  async icon(platformId: string, digest: string): Promise<PlatformIcon | null> {
    const [row] = (await this.dataSource.query(
      'SELECT content_type, bytes FROM platform_icons WHERE platform_id = ? AND digest = ?',
      [platformId, digest],
    )) as Array<{ content_type: PlatformIcon['contentType']; bytes: Buffer }>;
    return row ? { contentType: row.content_type, bytes: row.bytes } : null;
  }
}
