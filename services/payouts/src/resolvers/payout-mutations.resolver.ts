import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { DashError } from '@dash/errors';
import { badInput, requireAccount, requirePlatform, unauthenticated } from '@dash/subgraph';
import { ExternalAccount } from '../entities/external-account.entity.js';
import { Payout, PayoutMethod } from '../entities/payout.entity.js';
import { PayoutSchedule } from '../entities/payout-views.type.js';
import type { PayoutsContext } from '../context.js';
import { accountAllowedTo, writableOwner } from './access.js';
import {
  BankAccountInput,
  DebitCardInput,
  PayoutInput,
  PayoutScheduleInput,
} from './payout.inputs.js';

const idempotencyKeyOptions = {
  description:
    'Any unique string (a UUID): retrying with the same key and parameters returns the first payout instead of paying twice.',
};

/** Making payouts and choosing where and when they go: for platforms, and for their accounts. */
@Resolver()
export class PayoutMutationsResolver {
  @Mutation(() => ExternalAccount, {
    description: 'For a platform: adds a bank account or debit card to one of its accounts.',
  })
  async createExternalAccount(
    @Arg('account', () => ID) accountId: string,
    @Arg('bankAccount', () => BankAccountInput, { nullable: true })
    bankAccount: BankAccountInput | undefined,
    @Arg('card', () => DebitCardInput, { nullable: true }) card: DebitCardInput | undefined,
    @Arg('defaultForCurrency', { defaultValue: false }) makeDefault: boolean,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    requirePlatform(context.caller);
    const owner = await writableOwner(context, accountId);
    return context.externalAccounts.add(
      owner,
      { bankAccount, card },
      { makeDefault, replace: false, by: 'platform' },
    );
  }

  @Mutation(() => ExternalAccount, { description: 'For a platform: the default for its currency.' })
  async setDefaultExternalAccount(
    @Arg('account', () => ID) accountId: string,
    @Arg('externalAccount', () => ID) id: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    requirePlatform(context.caller);
    return context.externalAccounts.makeDefault(await writableOwner(context, accountId), id);
  }

  @Mutation(() => Boolean, {
    description: 'For a platform: removes a bank account or card (not a default).',
  })
  async deleteExternalAccount(
    @Arg('account', () => ID) accountId: string,
    @Arg('externalAccount', () => ID) id: string,
    @Ctx() context: PayoutsContext,
  ): Promise<boolean> {
    requirePlatform(context.caller);
    await context.externalAccounts.remove(await writableOwner(context, accountId), id);
    return true;
  }

  @Mutation(() => PayoutSchedule, {
    description: "For a platform: sets one account's payout schedule.",
  })
  async updatePayoutSchedule(
    @Arg('account', () => ID) accountId: string,
    @Arg('input', () => PayoutScheduleInput) input: PayoutScheduleInput,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutSchedule> {
    requirePlatform(context.caller);
    const owner = await writableOwner(context, accountId);
    return PayoutSchedule.of(await context.schedules.update(owner, input));
  }

  @Mutation(() => Payout, {
    description: 'For a platform: pays out part of an account’s available balance now.',
  })
  async createPayout(
    @Arg('account', () => ID) accountId: string,
    @Arg('input', () => PayoutInput) input: PayoutInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout> {
    const platform = requirePlatform(context.caller);
    const owner = await writableOwner(context, accountId);
    return context.requests.create(
      owner,
      { ...input, automatic: false, requestedBy: 'platform' },
      idempotencyKey,
      `platform:${platform.platformId}:${platform.livemode ? 'live' : 'test'}`,
    );
  }

  @Mutation(() => Payout, { description: 'For a platform: stops a payout that is still pending.' })
  async cancelPayout(
    @Arg('account', () => ID) accountId: string,
    @Arg('payout', () => ID) payoutId: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout> {
    requirePlatform(context.caller);
    return context.lifecycle.cancel(await writableOwner(context, accountId), payoutId);
  }

  @Mutation(() => Payout, {
    description:
      'For the signed-in account: "pay out now" — any amount up to the available balance, to the bank; or instantly to a debit card, for a fee, where the platform allows.',
  })
  async payOut(
    @Arg('input', () => PayoutInput) input: PayoutInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout> {
    const { accountId } = requireAccount(context.caller);
    const owner =
      input.method === PayoutMethod.instant
        ? await accountAllowedTo(
            context,
            'instantPayouts',
            'Your platform does not offer instant payouts.',
          )
        : await writableOwner(context, accountId);
    return context.requests.create(
      owner,
      { ...input, automatic: false, requestedBy: 'account' },
      idempotencyKey,
      `account:${owner.accountId}`,
    );
  }

  @Mutation(() => PayoutSchedule, {
    description: 'For the signed-in account, where its platform allows: its payout schedule.',
  })
  async updateMyPayoutSchedule(
    @Arg('input', () => PayoutScheduleInput) input: PayoutScheduleInput,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutSchedule> {
    const owner = await accountAllowedTo(
      context,
      'editPayoutSchedule',
      'Your platform sets your payout schedule.',
    );
    return PayoutSchedule.of(await context.schedules.update(owner, input));
  }

  @Mutation(() => ExternalAccount, {
    description:
      'For the signed-in account, where its platform allows: replaces its bank account (or adds a debit card), confirmed with the code from startPayoutDetailsChange.',
  })
  async changeExternalAccount(
    @Arg('bankAccount', () => BankAccountInput, { nullable: true })
    bankAccount: BankAccountInput | undefined,
    @Arg('card', () => DebitCardInput, { nullable: true }) card: DebitCardInput | undefined,
    @Arg('challenge', () => ID) challengeId: string,
    @Arg('code') code: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const owner = await accountAllowedTo(
      context,
      'editBankAccounts',
      'Your platform manages where your payouts go.',
    );
    if (!/^\d{6}$/.test(code)) throw badInput('code must be the six digits sent to you', 'code');
    return context.externalAccounts.add(
      owner,
      { bankAccount, card },
      {
        makeDefault: true,
        replace: true,
        by: 'account',
        confirm: () =>
          context.stepUp.confirm({
            accountId: owner.accountId,
            challengeId,
            code,
            purpose: 'payout_details',
          }),
      },
    );
  }

  @Mutation(() => ExternalAccount, {
    description:
      'During onboarding (an opened account link): the account’s first bank account, while it has none. No code is asked: nothing has been paid out yet. Any later change is changeExternalAccount, with a code, where the platform allows.',
  })
  async addOnboardingBankAccount(
    @Arg('input', () => BankAccountInput) input: BankAccountInput,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const { caller } = context;
    if (caller.kind === 'anonymous') throw unauthenticated();
    // A dashboard session (perhaps a stolen one) changes where money goes only with a code.
    if (caller.kind !== 'onboarding')
      throw new DashError(
        'FORBIDDEN',
        'A bank account is added without a code only during onboarding. Change it from your payout settings.',
        { reason: 'ONBOARDING_ONLY' },
      );
    const owner = await context.directory.openAccountOf(caller, caller.accountId);
    return context.externalAccounts.add(
      owner,
      { bankAccount: input },
      { makeDefault: true, replace: false, by: 'account', firstOnly: true },
    );
  }
}
