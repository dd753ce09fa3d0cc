import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { Account } from './account.entity.js';

@ObjectType({ description: "A page of a platform's connected accounts, newest first." })
export class AccountPage {
  @Field(() => [Account], { description: 'This page’s accounts, newest first.' })
  nodes!: Account[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}
