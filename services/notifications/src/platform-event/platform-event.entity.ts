import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { datetimeColumn } from '@dash/db';

/**
 * Something that happened to one of a platform's accounts, as the platform's servers are told
 * of it: the webhooks carry it, and `events` lists it for 30 days so a platform can reconcile
 * what it missed. Its id is the domain event's, so each change is one event however often it
 * is relayed.
 */
@Entity('platform_events')
@ObjectType('Event', {
  description:
    'Something that happened to one of your accounts, as webhooks deliver it. Kept 30 days.',
})
export class PlatformEvent {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: '`evt_…`; the `webhook-id` header of its deliveries.' })
  id!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ type: 'boolean' })
  @Field({ description: 'False for test mode.' })
  livemode!: boolean;

  @Column({ name: 'account_id', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The connected account it concerns (`acct_…`).',
  })
  account!: string | null;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'As Stripe names it: payout.paid, charge.dispute.created, …' })
  type!: string;

  /** The object as it was when the event happened (`data.object` of the delivered JSON). */
  @Column({ type: 'simple-json' })
  @Field(() => GraphQLJSONObject, {
    name: 'data',
    description:
      'The object the event is about (a payout, a charge, a dispute, the account), as it was at that moment: `data.object` of the delivered JSON.',
  })
  object!: Record<string, unknown>;

  /** A test webhook's event: delivered to one endpoint, never listed. */
  @Column({ type: 'boolean', default: false })
  synthetic!: boolean;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When it happened.' })
  createdAt!: Date;
}
