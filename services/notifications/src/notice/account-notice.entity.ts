import { Column, Entity } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
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
});

/** Something the platform puts in front of an account until it is dealt with. */
@Entity('account_notices')
@ObjectType({ description: 'A notice the platform shows in the banner until it is resolved.' })
export class AccountNotice extends AccountRecord {
  @Column({ type: 'varchar', length: 24 })
  @Field(() => NoticeKind)
  kind!: NoticeKind;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  title!: string;

  @Column({ type: 'varchar', length: 2000 })
  @Field({ description: 'What is needed, and what happens otherwise.' })
  body!: string;

  @Column({ name: 'action_label', type: 'varchar', length: 80, nullable: true })
  @Field(() => String, { nullable: true })
  actionLabel!: string | null;

  @Column({ name: 'action_url', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'A dashboard path (/settings) or an https address where the account acts.',
  })
  actionUrl!: string | null;

  @Column(datetimeColumn({ name: 'due_by', nullable: true }))
  @Field(() => Date, { nullable: true })
  dueBy!: Date | null;

  @Column(datetimeColumn({ name: 'resolved_at', nullable: true }))
  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}
