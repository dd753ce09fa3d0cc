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
import { badInput, PageArgs } from '@dash/subgraph';
import { Account } from './account.entity.js';
import { AccountFilterInput } from './account-list.input.js';
import { accountFilterOf } from './account-list.service.js';
import { AccountPage } from './account-page.type.js';
import { accountRefOfRow, defaultCurrencyFor } from './account.rules.js';
import { Requirements } from '../onboarding/onboarding.type.js';
import { requirementsOf } from '../onboarding/requirements.rules.js';
import { Platform } from '../platform/platform.entity.js';
import type { IdentityContext } from '../context.js';
import { CreateAccountInput, PublicInfoInput, UpdateAccountInput } from './account.input.js';

/**
 * How the gateway turns `{ __typename: "Account", id }` from another subgraph into an account:
 * null where the caller may not see it.
 */
export const accountReference = {
  __resolveReference: async (
    { id }: Pick<Account, 'id'>,
    { access, accountReads }: IdentityContext,
  ) => {
    const account = await accountReads.find(id);
    return account && access.canSee(accountRefOfRow(account)) ? account : null;
  },
};

/**
 * The requirements of an account as read for this request: the banner asks for them and for
 * three fields derived from them, worked out once per account row (rows live for one request).
 */
const requirementsByRow = new WeakMap<Account, ReturnType<typeof requirementsOf>>();
function requirementsOfRow(account: Account) {
  let requirements = requirementsByRow.get(account);
  if (!requirements) {
    requirements = requirementsOf(account);
    requirementsByRow.set(account, requirements);
  }
  return requirements;
}

@Resolver(() => Account)
export class AccountResolver {
  /**
   * The signed-in connected account. Shareable: every service that adds fields to Account
   * answers `me` too (signedInAccountResolver), so a query for the account's money alone goes to
   * the ledger in one hop, and one for identity's fields and another service's asks both at once.
   */
  @Query(() => Account)
  @Directive('@shareable')
  me(@Ctx() { access, accountReads }: IdentityContext): Promise<Account> {
    return accountReads.get(access.signedInAccount().accountId);
  }

  /** One connected account, for its platform (or for itself). */
  @Query(() => Account, {
    description: 'One of the platform’s connected accounts (or, signed in, the account itself).',
  })
  async account(
    @Arg('id', () => ID, { description: 'The account’s id, `acct_…`.' }) id: string,
    @Ctx() { access, accountReads }: IdentityContext,
  ): Promise<Account> {
    const { accountId } = await access.readableAccount(id);
    return accountReads.get(accountId);
  }

  @Query(() => AccountPage, {
    description:
      "The platform's connected accounts in its key's mode, newest first. A requirements filter (payoutsEnabled, requirementsPastDue) reads at most a few thousand accounts per call: a page may then hold fewer than `first`, so go on while hasNextPage is true.",
  })
  accounts(
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => AccountFilterInput, {
      nullable: true,
      description: 'Leave out for every account.',
    })
    filter: AccountFilterInput | undefined,
    @Ctx() { access, accounts }: IdentityContext,
  ): Promise<AccountPage> {
    const platform = access.platform();
    return accounts.page(platform, accountFilterOf(filter), first, after);
  }

  @Mutation(() => Account, {
    description: 'Creates an Express account in the mode of the calling key.',
  })
  createAccount(
    @Arg('input', () => CreateAccountInput, { description: 'Its email and country, at least.' })
    input: CreateAccountInput,
    @Ctx() { access, accounts }: IdentityContext,
  ): Promise<Account> {
    const platform = access.platform();
    if (!input.defaultCurrency && !defaultCurrencyFor(input.country)) {
      throw badInput(
        `defaultCurrency is required for country ${input.country.toUpperCase()}`,
        'defaultCurrency',
      );
    }
    return accounts.create(platform, input);
  }

  @Mutation(() => Account, { description: "Updates one of the platform's accounts." })
  async updateAccount(
    @Arg('id', () => ID, { description: 'The account’s id, `acct_…`.' }) id: string,
    @Arg('input', () => UpdateAccountInput, { description: 'What to change.' })
    input: UpdateAccountInput,
    @Ctx() { access, accounts, contactChange }: IdentityContext,
  ): Promise<Account> {
    access.platform();
    const account = await accounts.get((await access.writeAccount(id)).accountId);
    const updated = await accounts.update(account, input, 'platform');
    // A new email or phone is announced to the old one, whoever made the change.
    await contactChange.afterPlatformChange(account, updated);
    return updated;
  }

  @Mutation(() => Account, {
    description: 'For the signed-in account: change its public information from the settings page.',
  })
  async updateMyPublicInfo(
    @Arg('input', () => PublicInfoInput, { description: 'What to change.' })
    input: PublicInfoInput,
    @Ctx() { access, accounts }: IdentityContext,
  ): Promise<Account> {
    const { accountId } = await access.feature(
      'editPublicInfo',
      'Your platform manages this information; contact it to change it.',
    );
    return accounts.update(await accounts.get(accountId), input, 'account');
  }

  @FieldResolver(() => Platform, { description: 'The platform the account belongs to.' })
  platform(@Root() account: Account, @Ctx() { platforms }: IdentityContext): Promise<Platform> {
    return platforms.get(account.platformId);
  }

  @FieldResolver(() => Requirements, {
    description: 'What the account must still provide, and by when.',
  })
  requirements(@Root() account: Account): Requirements {
    return requirementsOfRow(account);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the account has finished onboarding (accepted the services agreement).',
  })
  detailsSubmitted(@Root() account: Account): boolean {
    return requirementsOfRow(account).detailsSubmitted;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the account can take payments now.' })
  chargesEnabled(@Root() account: Account): boolean {
    return requirementsOfRow(account).chargesEnabled;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether money can be paid out to the account now.',
  })
  payoutsEnabled(@Root() account: Account): boolean {
    return requirementsOfRow(account).payoutsEnabled;
  }
}
