import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';

export enum WebhookEndpointStatus {
  enabled = 'enabled',
  disabled = 'disabled',
}
registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description: 'Whether events are sent to the endpoint.',
  valuesConfig: {
    enabled: { description: 'Events are sent.' },
    disabled: {
      description: 'Nothing is sent: disabled by the platform or after 3 days of failures.',
    },
  },
});

/** A URL of a platform's, per mode, where the events it chose are sent, signed. */
@Entity('webhook_endpoints')
@ObjectType({ description: 'A URL of yours that receives the events you chose, signed.' })
export class WebhookEndpoint {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: '`we_…`.' })
  id!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ type: 'boolean' })
  @Field({ description: 'False for a test-mode endpoint (it receives test-mode events only).' })
  livemode!: boolean;

  @Column({ type: 'varchar', length: 2048 })
  @Field({ description: 'Where events are POSTed.' })
  url!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Your note of what it is for.' })
  description!: string | null;

  @Column({ name: 'enabled_events', type: 'simple-json' })
  @Field(() => [String], {
    description: 'The event types sent to it, or `*` for every type.',
  })
  enabledEvents!: string[];

  @Column({ type: 'varchar', length: 16 })
  @Field(() => WebhookEndpointStatus, { description: 'Whether events are sent to it.' })
  status!: WebhookEndpointStatus;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 32, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      '`failing` when it was disabled after 3 days of failed deliveries; `platform` when you disabled it.',
  })
  disabledReason!: string | null;

  /** The signing secret, sealed (webhook-secret key, bound to the endpoint id). */
  @Column({ type: 'varchar', length: 255 })
  secret!: string;

  /** The secret before the last roll, sealed, honoured until `previousSecretExpiresAt`. */
  @Column({ name: 'previous_secret', type: 'varchar', length: 255, nullable: true })
  previousSecret!: string | null;

  @Column(datetimeColumn({ name: 'previous_secret_expires_at', nullable: true }))
  previousSecretExpiresAt!: Date | null;

  @Column(datetimeColumn({ name: 'failing_since', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'Since when every delivery has failed; null while deliveries succeed.',
  })
  failingSince!: Date | null;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When it was made.' })
  createdAt!: Date;

  /** What the last failed attempt said (status and answer, or the network error). */
  @Column({ name: 'last_failure', type: 'varchar', length: 300, nullable: true })
  lastFailure!: string | null;

  /** When it was last disabled for failing. */
  @Column(datetimeColumn({ name: 'disabled_at', nullable: true }))
  disabledAt!: Date | null;

  /**
   * The platform is still to be told of that disabling: set in the transaction that disables
   * it, cleared once the notice is queued (see EndpointDisabledNotices).
   */
  @Column({ name: 'disabled_notice_due', type: 'boolean', default: false })
  disabledNoticeDue!: boolean;
}
