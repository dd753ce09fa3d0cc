import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { AccountRecord } from '@dash/subgraph';

export enum NoticeKind {
  risk_intervention = 'risk_intervention',
  compliance_update = 'compliance_update',
}
registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description:
    'risk_intervention: the platform needs something to keep the account running; compliance_update: rules changed.',
  valuesConfig: {
    risk_intervention: { description: 'The platform needs something to keep the account running.' },
    compliance_update: { description: 'Rules changed, and the account should know or act.' },
  },
});

/** Something the platform puts in front of an account until it is dealt with. */
@Entity('account_notices')
@ObjectType({ description: 'A notice the platform shows in the banner until it is resolved.' })
export class AccountNotice extends AccountRecord {
  @Field(() => ID, { description: 'The notice’s id, `ntc_…`.' })
  override id!: string;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => NoticeKind, { description: 'Why the platform shows it.' })
  kind!: NoticeKind;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'The banner’s headline.' })
  title!: string;

  @Column({ type: 'varchar', length: 2000 })
  @Field({ description: 'What is needed, and what happens otherwise.' })
  body!: string;

  @Column({ name: 'action_label', type: 'varchar', length: 80, nullable: true })
  @Field(() => String, { nullable: true, description: 'The text of the banner’s button.' })
  actionLabel!: string | null;

  @Column({ name: 'action_url', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'A dashboard path (/settings) or an https address where the account acts.',
  })
  actionUrl!: string | null;

  @Column(datetimeColumn({ name: 'due_by', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'When the platform needs it done by.' })
  dueBy!: Date | null;

  @Column(datetimeColumn({ name: 'resolved_at', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'When the platform resolved it; the banner no longer shows it.',
  })
  resolvedAt!: Date | null;
}
