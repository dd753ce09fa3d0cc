import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { AccountRecord } from '@dash/subgraph';

/** One entry in the account's activity hub ("Your payout of $120.00 is on its way"). */
@Entity('activity_items')
@Index('activity_items_account_created', ['accountId', 'createdAt'])
@ObjectType({ description: "One entry in the account's activity hub." })
export class ActivityItem extends AccountRecord {
  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'What happened, as an event name: payout.paid, dispute.created, …' })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  @Field()
  body!: string;

  @Column(datetimeColumn({ name: 'read_at', nullable: true }))
  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  /** What it is about: payout, dispute, payment, settings (or nothing in particular). */
  @Column({ name: 'subject_type', type: 'varchar', length: 20, nullable: true })
  subjectType!: ActivitySubjectType | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 40, nullable: true })
  subjectId!: string | null;
}

export type ActivitySubjectType = 'payout' | 'dispute' | 'payment' | 'settings' | 'onboarding';

/**
 * Where in the dashboard the thing an activity item (or an email) is about is shown: the same
 * path in the hub's links and in the emails' buttons.
 */
export function hrefOf(subjectType: ActivitySubjectType, subjectId?: string | null): string;
export function hrefOf(subjectType: string | null, subjectId?: string | null): string | null;
export function hrefOf(subjectType: string | null, subjectId?: string | null): string | null {
  switch (subjectType) {
    case 'payout':
      return `/payouts/${encodeURIComponent(subjectId ?? '')}`;
    case 'dispute':
      return `/disputes/${encodeURIComponent(subjectId ?? '')}`;
    case 'payment':
      return `/payments/${encodeURIComponent(subjectId ?? '')}`;
    case 'settings':
      return '/settings';
    case 'onboarding':
      return '/onboarding';
    default:
      return null;
  }
}
