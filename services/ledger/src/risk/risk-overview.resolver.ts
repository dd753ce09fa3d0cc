import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden } from '@dash/errors';
import type { LedgerContext } from '../context.js';
import { bucketsOf, exposureOf } from './exposure.rules.js';
import { NegativeBalanceBucket, RiskMoney, RiskOverview } from './risk-overview.type.js';

/** `<platformId>:live` or `:test`: whose overview, in which mode. */
const tenantOf = (id: string) => {
  const at = id.lastIndexOf(':');
  const mode = id.slice(at + 1);
  return at > 0 && (mode === 'live' || mode === 'test')
    ? { platformId: id.slice(0, at), livemode: mode === 'live' }
    : null;
};

/** The money side of a platform's risk overview: what its accounts owe, and for how long. */
@Resolver(() => RiskOverview)
export class RiskOverviewResolver {
  @FieldResolver(() => [RiskMoney], {
    description:
      'What the platform’s accounts owe together (negative available balances), per currency.',
  })
  async exposure(
    @Root() overview: RiskOverview,
    @Ctx() context: LedgerContext,
  ): Promise<RiskMoney[]> {
    return exposureOf(
      await context.negativeBalances.ofPlatform(overview.platformId, overview.livemode),
    );
  }

  @FieldResolver(() => [NegativeBalanceBucket], {
    description: 'Negative balances by how long they have been negative: 0–6, 7–29, 30+ days.',
  })
  async negativeBalancesByAge(
    @Root() overview: RiskOverview,
    @Ctx() context: LedgerContext,
  ): Promise<NegativeBalanceBucket[]> {
    return bucketsOf(
      await context.negativeBalances.ofPlatform(overview.platformId, overview.livemode),
      new Date(),
    );
  }
}

/** Only the platform the overview is of, with a key of its mode, gets past the reference. */
export const riskOverviewReference = {
  RiskOverview: {
    __resolveReference: (
      reference: Pick<RiskOverview, 'id'>,
      { access }: LedgerContext,
    ): RiskOverview => {
      const tenant = access.platform();
      const named = tenantOf(reference.id);
      if (!named || named.platformId !== tenant.platformId || named.livemode !== tenant.livemode)
        throw forbidden('This risk overview is another platform’s or mode’s.');
      return { id: reference.id, ...named };
    },
  },
};
