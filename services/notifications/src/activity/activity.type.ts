import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { ActivityItem } from './activity-item.entity.js';

@ObjectType({ description: 'A page of the activity hub, newest first.' })
export class ActivityPage {
  @Field(() => [ActivityItem], { description: 'This page’s items, newest first.' })
  nodes!: ActivityItem[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}
