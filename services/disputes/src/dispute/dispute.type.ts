import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { Dispute } from './dispute.entity.js';

@ObjectType({ description: 'Something that happened to a dispute.' })
export class DisputeTimelineEntry {
  @Field({
    description: 'opened, funds_withdrawn, evidence_submitted, won, lost, closed, funds_reinstated',
  })
  type!: string;
  @Field({ description: 'When it happened.' }) at!: Date;
}

@ObjectType({
  description:
    'A page of an account’s disputes: those waiting for a response first (soonest due first), then the rest, newest first.',
})
export class DisputePage {
  @Field(() => [Dispute], { description: 'This page’s disputes, in the list’s order.' })
  nodes!: Dispute[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}
