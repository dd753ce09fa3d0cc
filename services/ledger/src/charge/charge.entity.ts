import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';
import { refundBlockedBy, type ChargeDisputeStatus } from './charge-disputes.rules.js';
import { paymentStatus, PaymentStatus } from './payment-status.rules.js';

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'How a payment reads in the payments list: the most pressing fact about it.',
  valuesConfig: {
    succeeded: { description: 'Paid, with nothing refunded or disputed.' },
    pending: { description: 'The card network has not answered yet.' },
    failed: { description: 'Declined: no money moved.' },
    refunded: { description: 'Refunded in full.' },
    partially_refunded: { description: 'Part of it refunded.' },
    disputed: { description: 'The customer disputed it (see the account’s disputes).' },
  },
});

@ObjectType({ description: 'Who paid.' })
export class Customer {
  @Field(() => String, {
    nullable: true,
    description: 'The customer’s name, if the platform gave it.',
  })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The customer’s email, if the platform gave it.',
  })
  email!: string | null;
}

@ObjectType({ description: 'The card that paid, as much as may be shown.' })
export class PaymentCard {
  @Field(() => String, { nullable: true, description: 'The card network, such as visa.' })
  brand!: string | null;

  @Field(() => String, { nullable: true, description: 'The card number’s last four digits.' })
  last4!: string | null;
}

@ObjectType({ description: 'A key–value pair the platform attached.' })
export class MetadataEntry {
  @Field({ description: 'The key, as the platform set it.' }) key!: string;
  @Field({ description: 'The value, as the platform set it.' }) value!: string;
}

/** A payment made to the connected account (a direct charge). */
@Entity('charges')
@ObjectType({ description: 'A payment to the account: a direct charge.' })
export class Charge extends AccountRecord {
  @Field(() => ID, { description: 'The payment’s id, `ch_…`.' })
  override id!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;

  @Column(bigintColumn({ name: 'amount_refunded' }))
  @Field(() => SafeInt, { description: 'Refunded so far, in the currency’s minor unit.' })
  amountRefunded!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  /** What happened at the card network: succeeded, pending or failed. */
  @Column({ type: 'varchar', length: 16 })
  outcome!: 'succeeded' | 'pending' | 'failed';

  @Column({ name: 'failure_message', type: 'varchar', length: 200, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the card was declined; null otherwise.',
  })
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

  @Field(() => PaymentStatus, { description: 'The most pressing fact about it.' })
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

  @Field(() => Customer, { description: 'Who paid.' })
  get customer(): Customer {
    return { name: this.customerName, email: this.customerEmail };
  }

  @Field(() => PaymentCard, { description: 'The card that paid.' })
  get card(): PaymentCard {
    return { brand: this.cardBrand, last4: this.cardLast4 };
  }

  @Field(() => [MetadataEntry], {
    name: 'metadata',
    description: 'Key–value pairs the platform attached.',
  })
  get metadataEntries(): MetadataEntry[] {
    return Object.entries(this.metadata).map(([key, value]) => ({ key, value }));
  }
}
