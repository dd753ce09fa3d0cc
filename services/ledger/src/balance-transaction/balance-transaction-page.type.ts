import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { BalanceTransaction } from './balance-transaction.entity.js';

@ObjectType({ description: 'A page of balance transactions, newest first.' })
export class BalanceTransactionPage {
  @Field(() => [BalanceTransaction]) nodes!: BalanceTransaction[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
