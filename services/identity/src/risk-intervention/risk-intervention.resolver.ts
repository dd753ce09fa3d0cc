import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accountRefOf } from '@dash/contracts';
import { forbidden } from '@dash/errors';
import type { Access } from '@dash/subgraph';
import { Account } from '../account/account.entity.js';
import { accountRefOfRow } from '../account/account.rules.js';
import type { IdentityContext } from '../context.js';
import { RiskIntervention, RiskInterventionStatus } from './risk-intervention.entity.js';
import {
  PlaceRiskInterventionInput,
  RiskInterventionFilterInput,
  RiskInterventionPageArgs,
} from './risk-intervention.input.js';
import { RiskInterventionPage } from './risk-intervention-page.type.js';
import { RiskOverview, riskOverviewId } from './risk-overview.type.js';
import type { RiskInterventions } from './risk-interventions.service.js';

/** The platform's overview in its key's mode. */
async function overviewOf(access: Access, riskInterventions: RiskInterventions) {
  const tenant = access.platform();
  const counts = await riskInterventions.counts(tenant);
  return Object.assign(new RiskOverview(), {
    id: riskOverviewId(tenant),
    livemode: tenant.livemode,
    accountsUnderIntervention: counts.accountsUnderIntervention,
    interventionsByKind: counts.byKind,
  });
}

/** `{ __typename: "RiskOverview", id }` from another subgraph: only the calling platform's own. */
export const riskOverviewReference = {
  __resolveReference: ({ id }: Pick<RiskOverview, 'id'>, ctx: IdentityContext) =>
    ctx.caller.kind === 'platform' && id === riskOverviewId(ctx.caller)
      ? overviewOf(ctx.access, ctx.riskInterventions)
      : null,
};

@Resolver(() => RiskIntervention)
export class RiskInterventionResolver {
  @Query(() => RiskInterventionPage, {
    description:
      "The platform's risk interventions in its key's mode, newest first: placed automatically on risk signals, or by the platform.",
  })
  riskInterventions(
    @Args() { first, after }: RiskInterventionPageArgs,
    @Arg('filter', () => RiskInterventionFilterInput, {
      nullable: true,
      description: 'Leave out for every intervention.',
    })
    filter: RiskInterventionFilterInput | null,
    @Ctx() { access, riskInterventions }: IdentityContext,
  ): Promise<RiskInterventionPage> {
    const tenant = access.platform();
    return riskInterventions.page(
      tenant,
      {
        status: filter?.status ?? undefined,
        kind: filter?.kind ?? undefined,
        account: filter?.account ?? undefined,
        source: filter?.source ?? undefined,
      },
      first,
      after,
    );
  }

  @Query(() => RiskOverview, {
    description:
      "The platform's risk in its key's mode: accounts under intervention, money at risk.",
  })
  riskOverview(@Ctx() { access, riskInterventions }: IdentityContext): Promise<RiskOverview> {
    return overviewOf(access, riskInterventions);
  }

  @Mutation(() => RiskIntervention, {
    description:
      'Places a risk intervention on one of the platform’s accounts (one of each kind at a time): its effect on payouts, charges and requirements starts at once, and account.updated tells the ledger, payouts and the account.',
  })
  async placeRiskIntervention(
    @Arg('input', () => PlaceRiskInterventionInput, { description: 'What, on whom, and why.' })
    input: PlaceRiskInterventionInput,
    @Arg('idempotencyKey', {
      description:
        'Any unique string (a UUID): retrying with the same key and input returns the first intervention.',
    })
    idempotencyKey: string,
    @Ctx() { access, riskInterventions }: IdentityContext,
  ): Promise<RiskIntervention> {
    const tenant = access.platform();
    await access.writeAccount(input.account);
    return riskInterventions.place(tenant, input, idempotencyKey);
  }

  @Mutation(() => RiskIntervention, {
    description: 'Lifts one of the platform’s risk interventions that is in force.',
  })
  liftRiskIntervention(
    @Arg('id', () => ID, { description: 'The intervention, `intv_…`.' }) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, in at most 500 characters.',
    })
    reason: string | null,
    @Ctx() { access, riskInterventions }: IdentityContext,
  ): Promise<RiskIntervention> {
    return riskInterventions.lift(access.platform(), id, reason);
  }

  @Mutation(() => RiskIntervention, {
    description:
      'For the signed-in account: resolves one of its require_information interventions, by confirming (resolution confirm) or answering in 10 to 2000 characters (resolution answer).',
  })
  async resolveRiskIntervention(
    @Arg('id', () => ID, { description: 'The intervention, `intv_…`.' }) id: string,
    @Arg('confirm', () => Boolean, { nullable: true, description: 'true to confirm.' })
    confirm: boolean | null,
    @Arg('answer', () => String, { nullable: true, description: 'The answer to its question.' })
    answer: string | null,
    @Ctx() { access, riskInterventions }: IdentityContext,
  ): Promise<RiskIntervention> {
    if (access.caller.kind === 'platform')
      throw forbidden('Only the account resolves its interventions, from its dashboard.');
    const owner = await access.writeAccount(access.signedInAccount().accountId);
    return riskInterventions.resolve(accountRefOf(owner), id, { confirm, answer });
  }
}

@Resolver(() => Account)
export class AccountRiskInterventionsResolver {
  @FieldResolver(() => [RiskIntervention], {
    description:
      'The risk interventions on the account, newest first: what they stop and how to resolve them.',
  })
  async riskInterventions(
    @Root() account: Account,
    @Arg('status', () => RiskInterventionStatus, {
      nullable: true,
      description: 'Only those in force (active) or lifted; leave out for all.',
    })
    status: RiskInterventionStatus | null,
    @Ctx() { access, riskInterventions }: IdentityContext,
  ): Promise<RiskIntervention[]> {
    const owner = accountRefOfRow(account);
    if (!access.canSee(owner)) return [];
    return riskInterventions.ofAccount(owner, status ?? undefined);
  }
}
