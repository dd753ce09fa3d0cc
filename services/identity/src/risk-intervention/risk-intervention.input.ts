import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { InterventionKind } from '@dash/events';
import {
  RiskInterventionKind,
  RiskInterventionResolution,
  RiskInterventionSource,
  RiskInterventionStatus,
} from './risk-intervention.entity.js';
import type { InterventionResolution, InterventionSource } from './risk-intervention.rules.js';

@InputType({ description: 'An intervention a platform places on one of its accounts.' })
export class PlaceRiskInterventionInput {
  @Field(() => ID, { description: 'The account, `acct_…`.' })
  account!: string;

  @Field(() => RiskInterventionKind, { description: 'What to do; one of each kind at a time.' })
  kind!: InterventionKind;

  @Field({ description: 'Why, in 1 to 500 characters: the account is shown these words.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'rolling_reserve only: 1 to 50 percent.' })
  reservePercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'rolling_reserve only: 1 to 120 days.' })
  reserveDays?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'require_information only: what the account is to confirm or answer (required for answer).',
  })
  question?: string | null;

  @Field(() => RiskInterventionResolution, {
    nullable: true,
    description:
      'require_information: confirm (the default) or answer. Other kinds have one resolution each.',
  })
  resolution?: InterventionResolution | null;
}

@InputType({
  description: 'Narrows the list of interventions; every part is optional, and all apply.',
})
export class RiskInterventionFilterInput {
  @Field(() => RiskInterventionStatus, { nullable: true, description: 'In force or lifted.' })
  status?: RiskInterventionStatus | null;

  @Field(() => RiskInterventionKind, { nullable: true, description: 'Of this kind only.' })
  kind?: InterventionKind | null;

  @Field(() => ID, { nullable: true, description: 'On this account only, `acct_…`.' })
  account?: string | null;

  @Field(() => RiskInterventionSource, { nullable: true, description: 'Placed so only.' })
  source?: InterventionSource | null;
}

/** `first: Int = 20` and `after` on the list of interventions. */
@ArgsType()
export class RiskInterventionPageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items, 1 to 100.' })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page; leave out for the first page.',
  })
  @IsOptional()
  after?: string;
}
