import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { badInput, FirstArgs, notFound, requireAccount, requirePlatform } from '@dash/subgraph';
import { featureOff, openForChanges } from './account.rules.js';
import { Account } from './account.entity.js';
import { Requirements } from './business-profile.entity.js';
import { Platform } from '../platform/platform.entity.js';
import { defaultCurrencyFor } from './account.service.js';
import { requirementsOf } from './account-change.service.js';
import type { IdentityContext } from '../context.js';
import { CreateAccountInput, PublicInfoInput, UpdateAccountInput } from './account.input.js';

@Resolver(() => Account)
export class AccountResolver {
  /**
   * The signed-in connected account. Shareable: the ledger answers `me` too, so a query for the
   * account's money alone goes to the ledger in one hop.
   */
  @Query(() => Account)
  @Directive('@shareable')
  async me(@Ctx() { caller, accounts }: IdentityContext): Promise<Account> {
    const { accountId } = requireAccount(caller);
    const account = await accounts.findAccount(accountId, caller);
    if (!account) throw notFound('account', accountId);
    return account;
  }

  /** One connected account, for its platform (or for itself). */
  @Query(() => Account)
  async account(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Account> {
    const account = await accounts.findAccount(id, caller);
    if (!account) throw notFound('account', id);
    return account;
  }

  @Query(() => [Account], {
    description: "The platform's connected accounts in its key's mode, newest first.",
  })
  accounts(
    @Args() { first }: FirstArgs,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Account[]> {
    const platform = requirePlatform(caller);
    return accounts.listForPlatform(platform.platformId, platform.livemode, first);
  }

  @Mutation(() => Account, {
    description: 'Creates an Express account in the mode of the calling key.',
  })
  createAccount(
    @Arg('input', () => CreateAccountInput) input: CreateAccountInput,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Account> {
    const platform = requirePlatform(caller);
    if (!input.defaultCurrency && !defaultCurrencyFor(input.country)) {
      throw badInput(
        `defaultCurrency is required for country ${input.country.toUpperCase()}`,
        'defaultCurrency',
      );
    }
    return accounts.create(platform.platformId, platform.livemode, input);
  }

  @Mutation(() => Account, { description: "Updates one of the platform's accounts." })
  async updateAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput,
    @Ctx() { caller, accounts, contactChange }: IdentityContext,
  ): Promise<Account> {
    requirePlatform(caller);
    const account = await accounts.findAccount(id, caller);
    if (!account) throw notFound('account', id);
    const updated = await accounts.update(openForChanges(account), input, 'platform');
    // A new email or phone is announced to the old one, whoever made the change.
    await contactChange.afterPlatformChange(account, updated);
    return updated;
  }

  @Mutation(() => Account, {
    description: 'For the signed-in account: change its public information from the settings page.',
  })
  async updateMyPublicInfo(
    @Arg('input', () => PublicInfoInput) input: PublicInfoInput,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Account> {
    const { accountId } = requireAccount(caller);
    const account = await accounts.findAccount(accountId, caller);
    if (!account) throw notFound('account', accountId);
    const platform = await accounts.findPlatform(account.platformId, caller);
    if (!platform?.featuresIn(account.livemode).editPublicInfo)
      throw featureOff(
        'editPublicInfo',
        'Your platform manages this information; contact it to change it.',
      );
    return accounts.update(account, input, 'account');
  }

  @FieldResolver(() => Platform)
  async platform(
    @Root() account: Account,
    @Ctx() { caller, accounts }: IdentityContext,
  ): Promise<Platform> {
    const platform = await accounts.findPlatform(account.platformId, caller);
    if (!platform) throw notFound('platform', account.platformId);
    return platform;
  }

  @FieldResolver(() => Requirements)
  requirements(@Root() account: Account): Requirements {
    return requirementsOf(account);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the account has finished onboarding (accepted the services agreement).',
  })
  detailsSubmitted(@Root() account: Account): boolean {
    return requirementsOf(account).detailsSubmitted;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the account can take payments now.' })
  chargesEnabled(@Root() account: Account): boolean {
    return requirementsOf(account).chargesEnabled;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether money can be paid out to the account now.',
  })
  payoutsEnabled(@Root() account: Account): boolean {
    return requirementsOf(account).payoutsEnabled;
  }
}
