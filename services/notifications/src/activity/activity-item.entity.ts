import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { AccountRecord } from '@dash/subgraph';
import type { ActivityParams } from './activity-texts.rules.js';
import type { ActivitySubjectType } from './subject.rules.js';

/** One entry in the account's activity hub ("Your payout of $120.00 is on its way"). */
@Entity('activity_items')
@Index('activity_items_account_created', ['accountId', 'createdAt'])
@ObjectType({ description: "One entry in the account's activity hub." })
export class ActivityItem extends AccountRecord {
  @Field(() => ID, { description: 'The item’s id, `act_…`.' })
  override id!: string;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'What happened, as an event name: payout.paid, dispute.created, …' })
  kind!: string;

  /**
   * In English as written, and shown as it is for items kept before `params` was; an item with
   * params is rendered in the reader's language when read (see activity-texts.rules.ts).
   */
  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'What happened, in a line, in the reader’s language.' })
  title!: string;

  @Column({ type: 'varchar', length: 1000 })
  @Field({ description: 'More about it, in the reader’s language.' })
  body!: string;

  /** What happened: the event's facts the texts are made from. */
  @Column({ type: 'simple-json', nullable: true })
  params!: ActivityParams | null;

  @Column(datetimeColumn({ name: 'read_at', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'When the account read it; null while unread.',
  })
  readAt!: Date | null;

  /** What it is about: payout, dispute, payment, settings (or nothing in particular). */
  @Column({ name: 'subject_type', type: 'varchar', length: 20, nullable: true })
  subjectType!: ActivitySubjectType | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 40, nullable: true })
  subjectId!: string | null;
}
