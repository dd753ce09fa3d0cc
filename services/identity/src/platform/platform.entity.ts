import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { PlatformFeatures, type StoredFeatures } from './platform-features.type.js';

/** A payments platform whose connected accounts use the dashboard; its branding frames the UI. */
@Entity('platforms')
@ObjectType({ description: 'A payments platform whose connected accounts use the dashboard.' })
@Directive('@key(fields: "id")')
export class Platform {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'The platform, `plat_…`.' })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  @Field({ description: 'The name its accounts see.' })
  name!: string;

  /** Hex colour such as #635bff, the dashboard's accent. */
  @Column({ name: 'brand_color', type: 'char', length: 7 })
  @Field({ description: 'The dashboard’s accent, #rrggbb, readable against white (WCAG AA).' })
  brandColor!: string;

  @Column({ name: 'icon_url', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The icon: a path on the dashboard’s own origin (`/platform-icons/…`) once uploaded with updatePlatformBranding.',
  })
  iconUrl!: string | null;

  @Column({ name: 'support_email', type: 'varchar', length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where accounts email for help.' })
  supportEmail!: string | null;

  @Column({ name: 'support_phone', type: 'varchar', length: 16, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where accounts call for help (E.164).' })
  supportPhone!: string | null;

  @Column({ name: 'support_url', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'The platform’s help page (https).' })
  supportUrl!: string | null;

  /**
   * Where notices for the platform's developers go (a webhook endpoint disabled). Not a field
   * of its own here: the branding resolver shows it to the platform's keys only, never to
   * accounts.
   */
  @Column({ name: 'technical_email', type: 'varchar', length: 254, nullable: true })
  technicalEmail!: string | null;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When the platform was created.' })
  createdAt!: Date;

  /**
   * Only the switches the platform set, live mode's; the rest take their defaults (see
   * PlatformFeatures). The `features` field resolves them in the caller's mode.
   */
  @Column({ name: 'features', type: 'simple-json', nullable: true })
  storedFeatures!: StoredFeatures | null;

  /** Test mode's switches: a test key changes these alone. */
  @Column({ name: 'test_features', type: 'simple-json', nullable: true })
  storedTestFeatures!: StoredFeatures | null;

  /** What accounts in one mode may do from the dashboard. */
  featuresIn(livemode: boolean): PlatformFeatures {
    return PlatformFeatures.from(livemode ? this.storedFeatures : this.storedTestFeatures);
  }
}
