import { Field, ObjectType } from 'type-graphql';
import { PageInfo, SafeInt } from '@dash/subgraph';
import { Charge } from './charge.entity.js';

@ObjectType({ description: 'A page of payments, newest first.' })
export class PaymentPage {
  @Field(() => [Charge]) nodes!: Charge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'One step in a payment’s life.' })
export class PaymentEvent {
  @Field({ description: 'succeeded, failed, refunded or disputed.' }) type!: string;
  @Field() at!: Date;
  @Field(() => SafeInt, { nullable: true }) amount!: number | null;
}
