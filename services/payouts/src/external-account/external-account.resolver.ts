import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { PayoutsContext } from '../context.js';
import { ExternalAccount } from './external-account.entity.js';
import { BankAccountInput, DebitCardInput } from './external-account.input.js';

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
    return readable ? context.externalAccounts.list(readable) : [];
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
    return context.externalAccounts.makeDefault(await context.access.writeAccount(accountId), id);
  }

  @Mutation(() => Boolean, {
    description: 'For a platform: removes a bank account or card (not a default).',
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
    await context.externalAccounts.remove(await context.access.writeAccount(accountId), id);
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
    @Arg('challenge', () => ID, { description: 'The challenge startPayoutDetailsChange answered.' })
    challengeId: string,
    @Arg('code', { description: 'The six digits sent to the account.' }) code: string,
    @Ctx() context: PayoutsContext,
  ): Promise<ExternalAccount> {
    const account = await context.access.feature(
      'editBankAccounts',
      'Your platform manages where your payouts go.',
    );
    if (!/^\d{6}$/.test(code)) throw badInput('code must be the six digits sent to you', 'code');
    return context.externalAccounts.add(
      account,
      { bankAccount, card },
      {
        makeDefault: true,
        replace: true,
        by: 'account',
        confirm: () =>
          context.stepUp.confirm({
            accountId: account.accountId,
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
