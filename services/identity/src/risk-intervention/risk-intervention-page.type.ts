import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { RiskIntervention } from './risk-intervention.entity.js';

@ObjectType({ description: "A page of the platform's risk interventions, newest first." })
export class RiskInterventionPage {
  @Field(() => [RiskIntervention], { description: 'This page’s interventions, newest first.' })
  nodes!: RiskIntervention[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}
