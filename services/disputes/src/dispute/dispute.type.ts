import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Something that happened to a dispute.' })
export class DisputeTimelineEntry {
  @Field({
    description: 'opened, funds_withdrawn, evidence_submitted, won, lost, closed, funds_reinstated',
  })
  type!: string;
  @Field() at!: Date;
}
