import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';

/** A message sent (or not) to the account holder, as the delivery log shows it. */
@ObjectType({ description: 'One email or SMS to the account holder, and what became of it.' })
export class DeliveryRecord {
  @Field(() => ID, { description: 'The delivery’s id, `dlv_…`.' }) id!: string;
  @Field({ description: 'email or sms.' }) channel!: string;
  @Field({ description: 'Masked: "j•••@example.com", "•••• 42".' }) destination!: string;
  @Field({ description: 'Which message: login-code, payout-failed, …' }) template!: string;
  @Field({ description: 'queued, sent, or failed (the dead letters, to retry).' }) status!: string;
  @Field(() => Int, { description: 'How many times the carrier was tried.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The carrier’s last error.' })
  lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the carrier took it; null until then.' })
  sentAt!: Date | null;

  @Field({ description: 'When it was queued.' }) createdAt!: Date;
}

@ObjectType({ description: 'A page of the delivery log, newest first.' })
export class DeliveryRecordPage {
  @Field(() => [DeliveryRecord], { description: 'This page’s messages, newest first.' })
  nodes!: DeliveryRecord[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}
