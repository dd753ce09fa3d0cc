import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/**
 * What notifications knows of a platform's branding and contacts, kept from identity's
 * `platform.updated` events: enough to frame an email without asking identity.
 */
@Entity('platform_brands')
export class PlatformBrand {
  @PrimaryColumn({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** `#rrggbb`, as identity kept it (darkened for WCAG AA against white). */
  @Column({ name: 'brand_color', type: 'char', length: 7 })
  brandColor!: string;

  /** A path on the dashboard's origin (`/platform-icons/…`), or null. */
  @Column({ name: 'icon_url', type: 'varchar', length: 500, nullable: true })
  iconUrl!: string | null;

  @Column({ name: 'support_email', type: 'varchar', length: 254, nullable: true })
  supportEmail!: string | null;

  @Column({ name: 'support_phone', type: 'varchar', length: 16, nullable: true })
  supportPhone!: string | null;

  @Column({ name: 'support_url', type: 'varchar', length: 500, nullable: true })
  supportUrl!: string | null;

  /** Where notices for the platform's developers go. */
  @Column({ name: 'technical_email', type: 'varchar', length: 254, nullable: true })
  technicalEmail!: string | null;

  /** When identity made this state (the event's time): an older event never overwrites it. */
  @Column(datetimeColumn({ name: 'updated_at' }))
  updatedAt!: Date;
}
