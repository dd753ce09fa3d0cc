import { Arg, Ctx, ID, Mutation, registerEnumType, Resolver } from 'type-graphql';
import { DashError, SafeInt, type Access } from '@dash/subgraph';
import type { DisputesContext } from '../context.js';
import { Dispute, DisputeReason } from './dispute.entity.js';

enum DisputeOutcome {
  won = 'won',
  lost = 'lost',
}
registerEnumType(DisputeOutcome, {
  name: 'DisputeOutcome',
  description: 'How the card network decides a test dispute.',
  valuesConfig: {
    won: { description: 'For the account: the disputed amount comes back.' },
    lost: { description: 'For the cardholder: the money stays taken.' },
  },
});

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
    @Arg('charge', () => ID, { description: 'The payment to dispute, `ch_…`.' }) chargeId: string,
    @Arg('reason', () => DisputeReason, { description: 'The card network’s reason code.' })
    reason: DisputeReason,
    @Arg('amount', () => SafeInt, {
      nullable: true,
      description: 'By default all that is left of the payment.',
    })
    amount: number | undefined,
    @Arg('inquiry', {
      defaultValue: false,
      description: 'true for an inquiry, which moves no money; false for a chargeback.',
    })
    inquiry: boolean,
    @Arg('evidenceDueBy', () => Date, {
      nullable: true,
      description: 'When the response is due; by default DASH_DISPUTE_RESPONSE_DAYS from now.',
    })
    evidenceDueBy: Date | undefined,
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
    @Arg('dispute', () => ID, { description: 'The dispute, `dp_…`.' }) id: string,
    @Arg('outcome', () => DisputeOutcome, {
      description: 'won or lost; an inquiry just closes either way.',
    })
    outcome: DisputeOutcome,
    @Ctx() { access, lifecycle }: DisputesContext,
  ): Promise<Dispute> {
    const platform = testPlatform(access);
    return lifecycle.close({ platformId: platform.platformId, livemode: false }, id, outcome);
  }
}
