import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { ActivityItem } from './activity-item.entity.js';

@ObjectType({ description: 'A page of the activity hub, newest first.' })
export class ActivityPage {
  @Field(() => [ActivityItem]) nodes!: ActivityItem[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
