import { Field, ObjectType } from 'type-graphql';
import { PageInfo, SafeInt } from '@dash/subgraph';
import { Charge } from './charge.entity.js';

@ObjectType({ description: 'A page of payments, newest first.' })
export class PaymentPage {
  @Field(() => [Charge], { description: 'This page’s payments, newest first.' })
  nodes!: Charge[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'One step in a payment’s life.' })
export class PaymentEvent {
  @Field({ description: 'succeeded, failed, refunded or disputed.' }) type!: string;
  @Field({ description: 'When it happened.' }) at!: Date;

  @Field(() => SafeInt, {
    nullable: true,
    description: 'The amount concerned, in the currency’s minor unit.',
  })
  amount!: number | null;
}
