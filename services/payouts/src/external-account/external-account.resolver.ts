import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { DashError } from '@dash/errors';
import type { OwnedAccount } from '@dash/contracts';
import { badInput } from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { PayoutsContext } from '../context.js';
import { ExternalAccount } from './external-account.entity.js';
import type { ChangeOptions } from './external-accounts.service.js';
import { BankAccountInput, DebitCardInput } from './external-account.input.js';
import { destinationsOf } from '../account/payout-settings.reads.js';

const challengeOptions = {
  description: 'The challenge startPayoutDetailsChange answered.',
};
const codeOptions = { description: 'The six digits sent to the account.' };

/** The signed-in account, where its platform lets its accounts choose where payouts go. */
const payoutMethodsOf = (context: PayoutsContext) =>
  context.access.feature('editBankAccounts', 'Your platform manages where your payouts go.');

/**
 * A change the account makes itself: confirmed by the one-time code identity sent it for
 * payout details (single use, ten minutes, five tries), used up once the change is possible.
 */
function confirmedBy(
  context: PayoutsContext,
  account: OwnedAccount,
  challengeId: string,
  code: string,
): ChangeOptions {
  if (!/^\d{6}$/.test(code)) throw badInput('code must be the six digits sent to you', 'code');
  return {
    by: 'account',
    confirmation: {
      challengeId,
      confirm: () =>
        context.stepUp.confirm({
          accountId: account.accountId,
          challengeId,
          code,
          purpose: 'payout_details',
        }),
    },
  };
}

/** Where an account's payouts go: for platforms, and for their accounts (with a code). */
@Resolver(() => Account)
export class ExternalAccountResolver {
  @FieldResolver(() => [ExternalAccount], {
    description: 'Bank accounts and debit cards payouts go to; defaults first.',
  })
  async externalAccounts(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount[]> {
    const readable = await context.access.readAccount(account.id);
    return readable ? destinationsOf(context, readable) : [];
  }

  @Mutation(() => ExternalAccount, {
    description: 'For a platform: adds a bank account or debit card to one of its accounts.',
  })
  async createExternalAccount(
    @Arg('account', () => ID, { description: 'The connected account, `acct_…`.' })
    accountId: string,
    @Arg('bankAccount', () => BankAccountInput, {
      nullable: true,
      description: 'A bank account; give this or card.',
    })
    bankAccount: BankAccountInput | undefined,
    @Arg('card', () => DebitCardInput, {
      nullable: true,
      description: 'A debit card; give this or bankAccount.',
    })
    card: DebitCardInput | undefined,
    @Arg('defaultForCurrency', {
      defaultValue: false,
      description: 'Make it the default for its currency (the first one always is).',
    })
    makeDefault: boolean,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    context.access.platform();
    const account = await context.access.writeAccount(accountId);
    return context.externalAccounts.add(
      account,
      { bankAccount, card },
      { makeDefault, replace: false, by: 'platform' },
    );
  }

  @Mutation(() => ExternalAccount, { description: 'For a platform: the default for its currency.' })
  async setDefaultExternalAccount(
    @Arg('account', () => ID, { description: 'The connected account, `acct_…`.' })
    accountId: string,
    @Arg('externalAccount', () => ID, {
      description: 'The bank account or card, `ba_…` or `card_…`.',
    })
    id: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    context.access.platform();
    return context.externalAccounts.makeDefault(await context.access.writeAccount(accountId), id, {
      by: 'platform',
    });
  }

  @Mutation(() => Boolean, {
    description:
      'For a platform: removes a bank account or card. A default goes only as the last of its currency, and not while the account has money in that currency or has no other.',
  })
  async deleteExternalAccount(
    @Arg('account', () => ID, { description: 'The connected account, `acct_…`.' })
    accountId: string,
    @Arg('externalAccount', () => ID, {
      description: 'The bank account or card, `ba_…` or `card_…`.',
    })
    id: string,
    @Ctx() context: PayoutsContext,
  ): Promise<boolean> {
    context.access.platform();
    await context.externalAccounts.remove(await context.access.writeAccount(accountId), id, {
      by: 'platform',
    });
    return true;
  }

  @Mutation(() => ExternalAccount, {
    description:
      'For the signed-in account, where its platform allows: replaces its bank account (or adds a debit card), confirmed with the code from startPayoutDetailsChange.',
  })
  async changeExternalAccount(
    @Arg('bankAccount', () => BankAccountInput, {
      nullable: true,
      description: 'The new bank account; give this or card.',
    })
    bankAccount: BankAccountInput | undefined,
    @Arg('card', () => DebitCardInput, {
      nullable: true,
      description: 'A debit card to add; give this or bankAccount.',
    })
    card: DebitCardInput | undefined,
    @Arg('challenge', () => ID, challengeOptions) challengeId: string,
    @Arg('code', codeOptions) code: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const account = await payoutMethodsOf(context);
    return context.externalAccounts.add(
      account,
      { bankAccount, card },
      {
        makeDefault: true,
        replace: true,
        ...confirmedBy(context, account, challengeId, code),
      },
    );
  }

  @Mutation(() => ExternalAccount, {
    description:
      'For the signed-in account, where its platform allows: adds a bank account or debit card beside the others (the first of its currency becomes the default), confirmed with the code from startPayoutDetailsChange. The same details added again clear an error instead of adding a second.',
  })
  async addMyExternalAccount(
    @Arg('bankAccount', () => BankAccountInput, {
      nullable: true,
      description: 'A bank account; give this or card.',
    })
    bankAccount: BankAccountInput | undefined,
    @Arg('card', () => DebitCardInput, {
      nullable: true,
      description: 'A Visa or Mastercard debit card; give this or bankAccount.',
    })
    card: DebitCardInput | undefined,
    @Arg('defaultForCurrency', {
      defaultValue: false,
      description: 'Make it the default for its currency.',
    })
    makeDefault: boolean,
    @Arg('challenge', () => ID, challengeOptions) challengeId: string,
    @Arg('code', codeOptions) code: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const account = await payoutMethodsOf(context);
    return context.externalAccounts.add(
      account,
      { bankAccount, card },
      { makeDefault, replace: false, ...confirmedBy(context, account, challengeId, code) },
    );
  }

  @Mutation(() => ExternalAccount, {
    description:
      'For the signed-in account, where its platform allows: makes a bank account or card the default for its currency, confirmed with the code from startPayoutDetailsChange.',
  })
  async setMyDefaultExternalAccount(
    @Arg('externalAccount', () => ID, {
      description: 'The bank account or card, `ba_…` or `card_…`.',
    })
    id: string,
    @Arg('challenge', () => ID, challengeOptions) challengeId: string,
    @Arg('code', codeOptions) code: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const account = await payoutMethodsOf(context);
    return context.externalAccounts.makeDefault(
      account,
      id,
      confirmedBy(context, account, challengeId, code),
    );
  }

  @Mutation(() => ExternalAccount, {
    description:
      'For the signed-in account, where its platform allows: removes a bank account or card, confirmed with the code from startPayoutDetailsChange. A default goes only as the last of its currency, and not while the account has money in that currency or has no other. Answers what was removed.',
  })
  async deleteMyExternalAccount(
    @Arg('externalAccount', () => ID, {
      description: 'The bank account or card, `ba_…` or `card_…`.',
    })
    id: string,
    @Arg('challenge', () => ID, challengeOptions) challengeId: string,
    @Arg('code', codeOptions) code: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const account = await payoutMethodsOf(context);
    return context.externalAccounts.remove(
      account,
      id,
      confirmedBy(context, account, challengeId, code),
    );
  }

  @Mutation(() => ExternalAccount, {
    description:
      'During onboarding (an opened account link): the account’s first bank account, while it has none. No code is asked: nothing has been paid out yet. Any later change is changeExternalAccount, with a code, where the platform allows.',
  })
  async addOnboardingBankAccount(
    @Arg('input', () => BankAccountInput, { description: 'The bank account payouts will go to.' })
    input: BankAccountInput,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    // A dashboard session (perhaps a stolen one) changes where money goes only with a code.
    const account = await context.access.onboardingAccount(
      'A bank account is added without a code only during onboarding. Change it from your payout settings.',
    );
    return context.externalAccounts.add(
      account,
      { bankAccount: input },
      { makeDefault: true, replace: false, by: 'account', firstOnly: true },
    );
  }
}

/** What the payout methods page asks of each bank account or card before offering to remove it. */
@Resolver(() => ExternalAccount)
export class ExternalAccountFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why it cannot be removed now — DEFAULT_EXTERNAL_ACCOUNT, LAST_EXTERNAL_ACCOUNT or CURRENCY_HAS_BALANCE, as a removal would be refused — or null. Checked again when it is removed.',
  })
  async removalBlockedReason(
    @Root() destination: ExternalAccount,
    @Ctx() context: PayoutsContext,
  ): Promise<string | null> {
    try {
      const refusal = await context.externalAccounts.removalRefusal(destination, destination);
      return (refusal?.extensions.reason as string | undefined) ?? null;
    } catch (error) {
      // The ledger did not answer: the removal itself asks again, and refuses if it must.
      if (error instanceof DashError && error.extensions.code === 'UNAVAILABLE') return null;
      throw error;
    }
  }
}
