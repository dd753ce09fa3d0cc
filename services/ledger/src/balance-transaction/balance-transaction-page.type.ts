import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { BalanceTransaction } from './balance-transaction.entity.js';

@ObjectType({ description: 'A page of balance transactions, newest first.' })
export class BalanceTransactionPage {
  @Field(() => [BalanceTransaction], { description: 'This page’s transactions, newest first.' })
  nodes!: BalanceTransaction[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}
