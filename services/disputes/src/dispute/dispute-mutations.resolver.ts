import { Arg, Ctx, ID, Mutation, registerEnumType, Resolver } from 'type-graphql';
import { DashError, SafeInt, type Access } from '@dash/subgraph';
import type { DisputesContext } from '../context.js';
import { Dispute, DisputeReason } from './dispute.entity.js';

enum DisputeOutcome {
  won = 'won',
  lost = 'lost',
}
registerEnumType(DisputeOutcome, { name: 'DisputeOutcome' });

/** The test-mode stand-in for the card network: only with a test key. */
function testPlatform(access: Access) {
  const platform = access.platform();
  if (platform.livemode)
    throw new DashError(
      'FORBIDDEN',
      'Disputes are opened and decided by the card network in live mode.',
      {
        reason: 'TEST_MODE_ONLY',
      },
    );
  return platform;
}

/** In test mode, the card network's part: opening and deciding disputes. */
@Resolver()
export class DisputeMutationsResolver {
  @Mutation(() => Dispute, {
    description:
      'Test mode, for a platform: a cardholder disputes one of its payments. A chargeback takes the amount and the dispute fee back at once; an inquiry (inquiry: true) asks questions first.',
  })
  createTestDispute(
    @Arg('charge', () => ID) chargeId: string,
    @Arg('reason', () => DisputeReason) reason: DisputeReason,
    @Arg('amount', () => SafeInt, {
      nullable: true,
      description: 'By default all that is left of the payment.',
    })
    amount: number | undefined,
    @Arg('inquiry', { defaultValue: false }) inquiry: boolean,
    @Arg('evidenceDueBy', () => Date, { nullable: true }) evidenceDueBy: Date | undefined,
    @Ctx() { access, lifecycle }: DisputesContext,
  ): Promise<Dispute> {
    const platform = testPlatform(access);
    return lifecycle.open({
      platformId: platform.platformId,
      livemode: false,
      chargeId,
      reason,
      amount,
      inquiry,
      evidenceDueBy,
    });
  }

  @Mutation(() => Dispute, { description: 'Test mode, for a platform: the network decides.' })
  closeTestDispute(
    @Arg('dispute', () => ID) id: string,
    @Arg('outcome', () => DisputeOutcome) outcome: DisputeOutcome,
    @Ctx() { access, lifecycle }: DisputesContext,
  ): Promise<Dispute> {
    const platform = testPlatform(access);
    return lifecycle.close({ platformId: platform.platformId, livemode: false }, id, outcome);
  }
}
