import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Tenant } from '@dash/contracts';
import type { InterventionKind } from '@dash/events';
import { RiskInterventionKind } from './risk-intervention.entity.js';

@ObjectType({ description: 'How many interventions of one kind are in force.' })
export class RiskInterventionCount {
  @Field(() => RiskInterventionKind, { description: 'The kind.' })
  kind!: InterventionKind;

  @Field(() => Int, { description: 'How many are in force.' })
  count!: number;
}

/**
 * A platform's risk in one mode. Identity answers the interventions; the ledger extends it with
 * the money at risk (exposure, negative balances by age).
 */
@ObjectType({
  description:
    'The platform’s risk in its key’s mode: its accounts under intervention and the money at risk.',
})
@Directive('@key(fields: "id")')
export class RiskOverview {
  @Field(() => ID, { description: '`<platformId>:live` or `<platformId>:test`.' })
  id!: string;

  @Field({ description: 'true for live mode.' })
  livemode!: boolean;

  @Field(() => Int, { description: 'Accounts with at least one intervention in force.' })
  accountsUnderIntervention!: number;

  @Field(() => [RiskInterventionCount], {
    description: 'The interventions in force, by kind (kinds with none are left out).',
  })
  interventionsByKind!: RiskInterventionCount[];
}

/** The overview's id: the platform and the mode. */
export const riskOverviewId = ({ platformId, livemode }: Tenant) =>
  `${platformId}:${livemode ? 'live' : 'test'}`;
