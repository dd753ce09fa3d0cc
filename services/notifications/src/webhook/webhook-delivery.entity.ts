import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';

export enum WebhookDeliveryStatus {
  pending = 'pending',
  succeeded = 'succeeded',
  failed = 'failed',
  canceled = 'canceled',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery of an event to an endpoint stands.',
  valuesConfig: {
    pending: { description: 'Being sent, or waiting for its next attempt.' },
    succeeded: { description: 'The endpoint answered 2xx.' },
    failed: { description: 'Every attempt over 3 days failed; resend it once the endpoint works.' },
    canceled: { description: 'Not sent: the endpoint was disabled or deleted first.' },
  },
});

export enum WebhookDeliveryTrigger {
  event = 'event',
  resend = 'resend',
  test = 'test',
}
registerEnumType(WebhookDeliveryTrigger, {
  name: 'WebhookDeliveryTrigger',
  description: 'Why a delivery was made.',
  valuesConfig: {
    event: { description: 'The event happened and the endpoint is subscribed to it.' },
    resend: { description: 'resendWebhookEvent.' },
    test: { description: 'sendTestWebhook.' },
  },
});

/** One event sent (or being sent) to one endpoint, over as many attempts as it takes. */
@Entity('webhook_deliveries')
@ObjectType({ description: 'One event sent to one endpoint, over as many attempts as it took.' })
export class WebhookDelivery {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: '`whd_…`.' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'The endpoint (`we_…`).' })
  endpointId!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 40 })
  eventId!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ type: 'boolean' })
  livemode!: boolean;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => WebhookDeliveryTrigger, { description: 'Why it was made.' })
  trigger!: WebhookDeliveryTrigger;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Column(datetimeColumn({ name: 'next_attempt_at', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'When the next attempt is due, while pending.',
  })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status of the last attempt, if one came.',
  })
  lastStatusCode!: number | null;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When it was made (its event happened, or you asked).' })
  createdAt!: Date;

  @Column(datetimeColumn({ name: 'completed_at', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'When it succeeded, failed for good or was canceled.',
  })
  completedAt!: Date | null;
}

/** One HTTP attempt of a delivery: what the endpoint answered, and how fast. */
@Entity('webhook_attempts')
@ObjectType({ description: 'One HTTP attempt of a delivery.' })
export class WebhookAttempt {
  @PrimaryColumn({ name: 'delivery_id', type: 'varchar', length: 40 })
  deliveryId!: string;

  @PrimaryColumn({ type: 'int' })
  @Field(() => Int, { description: '1 for the first attempt.' })
  attempt!: number;

  @Column(datetimeColumn({ name: 'attempted_at' }))
  @Field({ description: 'When it was sent.' })
  attemptedAt!: Date;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The HTTP status; null when none came.' })
  statusCode!: number | null;

  @Column({ name: 'latency_ms', type: 'int' })
  @Field(() => Int, { description: 'From sending to the end of the answer (or the failure).' })
  latencyMs!: number;

  @Column({ name: 'response_excerpt', type: 'varchar', length: 1024, nullable: true })
  @Field(() => String, { nullable: true, description: 'The first 1,000 characters of the answer.' })
  responseExcerpt!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why no answer came: a timeout, a refused connection, a private address, …',
  })
  error!: string | null;
}
