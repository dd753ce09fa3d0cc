import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { PlatformFeatures, type StoredFeatures } from './platform-features.type.js';

/** A payments platform whose connected accounts use the dashboard; its branding frames the UI. */
@Entity('platforms')
@ObjectType()
@Directive('@key(fields: "id")')
export class Platform {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  @Field()
  name!: string;

  /** Hex colour such as #635bff, the dashboard's accent. */
  @Column({ name: 'brand_color', type: 'char', length: 7 })
  @Field()
  brandColor!: string;

  @Column({ name: 'icon_url', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  iconUrl!: string | null;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field()
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
