import { Arg, Ctx, ID, Mutation, registerEnumType, Resolver } from 'type-graphql';
import {
  DashError,
  requireFeature,
  requirePlatform,
  SafeInt,
  unauthenticated,
} from '@dash/subgraph';
import type { Evidence } from '../domain/evidence.js';
import type { DisputeScope } from '../disputes/dispute-lifecycle.js';
import { Dispute, DisputeReason } from '../entities/dispute.entity.js';
import { DisputeEvidenceInput } from '../entities/dispute-views.type.js';
import { ReserveTopup } from '../entities/reserve-topup.entity.js';
import type { DisputesContext } from '../context.js';

enum DisputeOutcome {
  won = 'won',
  lost = 'lost',
}
registerEnumType(DisputeOutcome, { name: 'DisputeOutcome' });

/** The signed-in account's disputes (where its platform lets it respond), or the platform's. */
async function respondingScope(context: DisputesContext): Promise<DisputeScope> {
  const { caller } = context;
  if (caller.kind === 'platform')
    return { platformId: caller.platformId, livemode: caller.livemode };
  if (caller.kind !== 'account') throw unauthenticated();
  const account = await requireFeature(
    context.caller,
    context.platform,
    'manageDisputes',
    'Your platform responds to disputes for you.',
  );
  return { accountId: account.accountId, livemode: account.livemode };
}

/** The test-mode stand-in for the card network: only with a test key. */
function testPlatform(context: DisputesContext) {
  const platform = requirePlatform(context.caller);
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

const evidenceOf = (input: DisputeEvidenceInput): Evidence =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => typeof value === 'string'),
  ) as Evidence;

/** Responding to disputes, the reserve, and (in test mode) the card network's part. */
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
    @Ctx() context: DisputesContext,
  ): Promise<Dispute> {
    const platform = testPlatform(context);
    return context.lifecycle.open({
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
    @Ctx() context: DisputesContext,
  ): Promise<Dispute> {
    const platform = testPlatform(context);
    return context.lifecycle.close(
      { platformId: platform.platformId, livemode: false },
      id,
      outcome,
    );
  }

  @Mutation(() => Dispute, { description: 'Saves evidence as a draft, until it is submitted.' })
  async saveDisputeEvidence(
    @Arg('dispute', () => ID) id: string,
    @Arg('evidence', () => DisputeEvidenceInput) evidence: DisputeEvidenceInput,
    @Ctx() context: DisputesContext,
  ): Promise<Dispute> {
    return context.lifecycle.saveEvidence(await respondingScope(context), id, evidenceOf(evidence));
  }

  @Mutation(() => Dispute, {
    description: 'Submits the saved evidence to the card network, once, before the due date.',
  })
  async submitDisputeEvidence(
    @Arg('dispute', () => ID) id: string,
    @Ctx() context: DisputesContext,
  ): Promise<Dispute> {
    return context.lifecycle.submitEvidence(await respondingScope(context), id);
  }

  @Mutation(() => Dispute, { description: 'Accepts the dispute: it is lost and closes.' })
  async acceptDispute(
    @Arg('dispute', () => ID) id: string,
    @Ctx() context: DisputesContext,
  ): Promise<Dispute> {
    return context.lifecycle.accept(await respondingScope(context), id);
  }

  @Mutation(() => ReserveTopup, {
    description:
      'For the signed-in account, where its platform allows: adds money from its bank to the refunds-and-disputes reserve, which refunds and disputes draw from first. At most what one charge may be, and the daily cap a day; pending until the debit of the bank settles.',
  })
  async topUpReserve(
    @Arg('amount', () => SafeInt) amount: number,
    @Arg('currency') currency: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('source', () => String, {
      nullable: true,
      description:
        "Test mode only: the bank account number to debit (Stripe's failing test numbers fail). By default the account's own bank account.",
    })
    source: string | undefined,
    @Ctx() context: DisputesContext,
  ): Promise<ReserveTopup> {
    const account = await requireFeature(
      context.caller,
      context.platform,
      'reserveTopUps',
      'Your platform does not offer adding money to the reserve.',
    );
    if (source !== undefined && (account.livemode || !/^[0-9A-Za-z_]{4,34}$/.test(source)))
      throw new DashError(
        'BAD_USER_INPUT',
        'source is for test mode only: a test bank account number.',
        { field: 'source' },
      );
    return context.topups.topUp(account, amount, currency, idempotencyKey, source ?? null);
  }
}
