import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A message sent (or not) to the account holder, as the delivery log shows it. */
@ObjectType({ description: 'One email or SMS to the account holder, and what became of it.' })
export class DeliveryRecord {
  @Field(() => ID) id!: string;
  @Field({ description: 'email or sms.' }) channel!: string;
  @Field({ description: 'Masked: "j•••@example.com", "•••• 42".' }) destination!: string;
  @Field({ description: 'Which message: login-code, payout-failed, …' }) template!: string;
  @Field({ description: 'queued, sent, or failed (the dead letters, to retry).' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The carrier’s last error.' })
  lastError!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field() createdAt!: Date;
}
