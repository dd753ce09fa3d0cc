import { Column, Entity } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';
import { refundBlockedBy, type ChargeDisputeStatus } from './charge-disputes.rules.js';
import { paymentStatus, PaymentStatus } from './payment-status.rules.js';

registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

@ObjectType({ description: 'Who paid.' })
export class Customer {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType({ description: 'The card that paid, as much as may be shown.' })
export class PaymentCard {
  @Field(() => String, { nullable: true }) brand!: string | null;
  @Field(() => String, { nullable: true }) last4!: string | null;
}

@ObjectType({ description: 'A key–value pair the platform attached.' })
export class MetadataEntry {
  @Field() key!: string;
  @Field() value!: string;
}

/** A payment made to the connected account (a direct charge). */
@Entity('charges')
@ObjectType({ description: 'A payment to the account: a direct charge.' })
export class Charge extends AccountRecord {
  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;

  @Column(bigintColumn({ name: 'amount_refunded' }))
  @Field(() => SafeInt)
  amountRefunded!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  /** What happened at the card network: succeeded, pending or failed. */
  @Column({ type: 'varchar', length: 16 })
  outcome!: 'succeeded' | 'pending' | 'failed';

  @Column({ name: 'failure_message', type: 'varchar', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  failureMessage!: string | null;

  @Column({ type: 'boolean', default: false })
  disputed!: boolean;

  /** The payment's dispute, as the disputes service registered it (one per payment). */
  @Column({ name: 'dispute_id', type: 'varchar', length: 40, nullable: true })
  disputeId!: string | null;

  /** Where the dispute stands, as far as it decides what a refund may do. */
  @Column({ name: 'dispute_status', type: 'varchar', length: 32, nullable: true })
  disputeStatus!: ChargeDisputeStatus | null;

  /** What the dispute holds back or took and has not given back: no refund can have it too. */
  @Column(bigintColumn({ name: 'disputed_amount', default: 0 }))
  disputedAmount!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ name: 'customer_name', type: 'varchar', length: 200, nullable: true })
  customerName!: string | null;

  @Column({ name: 'customer_email', type: 'varchar', length: 254, nullable: true })
  customerEmail!: string | null;

  @Column({ name: 'card_brand', type: 'varchar', length: 20, nullable: true })
  cardBrand!: string | null;

  @Column({ name: 'card_last4', type: 'char', length: 4, nullable: true })
  cardLast4!: string | null;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'All fees: processing plus the platform’s.' })
  fee!: number;

  @Column(bigintColumn({ name: 'application_fee_amount' }))
  @Field(() => SafeInt, { description: 'The platform’s share of the fee.' })
  applicationFeeAmount!: number;

  @Column({ type: 'simple-json' })
  metadata!: Record<string, string>;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40, nullable: true })
  balanceTransactionId!: string | null;

  @Field(() => PaymentStatus)
  get status(): PaymentStatus {
    return paymentStatus(this);
  }

  @Field(() => SafeInt, { description: 'What can still be refunded.' })
  get refundable(): number {
    if (this.outcome !== 'succeeded' || refundBlockedBy(this.disputeStatus)) return 0;
    return this.amount - this.amountRefunded - (this.disputedAmount ?? 0);
  }

  /** What a new dispute may still claim: what neither a refund nor a dispute has taken. */
  get disputable(): number {
    return this.outcome === 'succeeded'
      ? this.amount - this.amountRefunded - (this.disputedAmount ?? 0)
      : 0;
  }

  @Field(() => SafeInt, { description: 'amount − fee, before refunds.' })
  get net(): number {
    return this.amount - this.fee;
  }

  @Field(() => Customer)
  get customer(): Customer {
    return { name: this.customerName, email: this.customerEmail };
  }

  @Field(() => PaymentCard)
  get card(): PaymentCard {
    return { brand: this.cardBrand, last4: this.cardLast4 };
  }

  @Field(() => [MetadataEntry], { name: 'metadata' })
  get metadataEntries(): MetadataEntry[] {
    return Object.entries(this.metadata).map(([key, value]) => ({ key, value }));
  }
}
