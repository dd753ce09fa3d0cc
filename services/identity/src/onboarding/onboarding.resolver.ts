import { formatSessionHeader, SESSION_HEADER, type Caller } from '@dash/auth-context';
import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { DashError, ListArg, notFound, requirePlatform, unauthenticated } from '@dash/subgraph';
import { Account } from '../account/account.entity.js';
import {
  AccountLink,
  AccountLinkTypeEnum,
  Onboarding,
  OnboardingSession,
} from './onboarding.type.js';
import { onboardingView } from './onboarding-view.rules.js';
import type { IdentityContext } from '../context.js';

@InputType({ description: 'One answer; null or empty clears it.' })
class OnboardingValueInput {
  @Field() @Length(1, 80) key!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 500) value?: string | null;
}

/** A whole company form with a dozen owners is well under this; a step of the flow sends far fewer. */
const MAX_VALUES_PER_CALL = 200;

/** Who is filling in onboarding: an opened account link, or the signed-in account itself. */
function onboardingCaller(caller: Caller): { accountId: string; accountLinkId: string | null } {
  if (caller.kind === 'onboarding')
    return { accountId: caller.accountId, accountLinkId: caller.accountLinkId };
  if (caller.kind === 'account') return { accountId: caller.accountId, accountLinkId: null };
  throw unauthenticated('Open the onboarding link from your platform to continue.');
}

@Resolver()
export class OnboardingResolver {
  @Mutation(() => AccountLink, {
    description:
      'For a platform: a link into hosted onboarding for one of its accounts. Expired, used or invalid links send the browser to refreshUrl; finishing or leaving sends it to returnUrl.',
  })
  async createAccountLink(
    @Arg('account', () => ID) accountId: string,
    @Arg('type', () => AccountLinkTypeEnum) type: AccountLinkTypeEnum,
    @Arg('refreshUrl') refreshUrl: string,
    @Arg('returnUrl') returnUrl: string,
    @Ctx() { caller, accounts, accountLinks }: IdentityContext,
  ): Promise<AccountLink> {
    requirePlatform(caller);
    const account = await accounts.findAccount(accountId, caller);
    if (!account) throw notFound('account', accountId);
    return accountLinks.create(account, type, { refreshUrl, returnUrl });
  }

  @Mutation(() => OnboardingSession, {
    description:
      "Opens an account link (once): the browser gets a session for onboarding only. A refused link's error carries the platform's refreshUrl.",
  })
  async openAccountLink(
    @Arg('token') token: string,
    @Ctx() { accountLinks, login, setResponseHeader }: IdentityContext,
  ): Promise<OnboardingSession> {
    const link = await accountLinks.redeem(token);
    const account = await login.openAccount(link.accountId);
    if (!account)
      throw new DashError('UNAUTHENTICATED', 'This account can no longer be onboarded.', {
        reason: 'LINK_INVALID',
        refreshUrl: link.refreshUrl,
      });
    const { session, token: sessionToken } = await login.openSession(account.id, {
      accountLinkId: link.id,
    });
    setResponseHeader(
      SESSION_HEADER,
      formatSessionHeader({ action: 'set', token: sessionToken, expiresAt: session.expiresAt }),
    );
    return { type: link.type as AccountLinkTypeEnum, returnUrl: link.returnUrl };
  }

  @Query(() => Onboarding, {
    description: 'The onboarding flow of the opened account link, or of the signed-in account.',
  })
  async onboarding(@Ctx() context: IdentityContext): Promise<Onboarding> {
    return this.view(context, await this.account(context));
  }

  @Mutation(() => Onboarding, {
    description:
      'Saves answers as a draft; every value is checked and a refusal (fieldErrors) saves none.',
  })
  async saveOnboardingDetails(
    @ListArg('values', () => [OnboardingValueInput], { maxItems: MAX_VALUES_PER_CALL })
    values: OnboardingValueInput[],
    @Ctx() context: IdentityContext,
  ): Promise<Onboarding> {
    const { accountId } = onboardingCaller(context.caller);
    return this.view(context, await context.onboarding.save(accountId, values));
  }

  @Mutation(() => Account, {
    description:
      'For a platform: fills in onboarding answers it already knows (the same keys and checks as the flow), so its account only confirms them. The services agreement is always the account’s own; once the account has submitted, prefilling is refused (FAILED_PRECONDITION, reason DETAILS_SUBMITTED).',
  })
  async prefillOnboarding(
    @Arg('account', () => ID) accountId: string,
    @ListArg('values', () => [OnboardingValueInput], { maxItems: MAX_VALUES_PER_CALL })
    values: OnboardingValueInput[],
    @Ctx() { caller, accounts, onboarding }: IdentityContext,
  ): Promise<Account> {
    requirePlatform(caller);
    const account = await accounts.findAccount(accountId, caller);
    if (!account) throw notFound('account', accountId);
    return onboarding.save(account.id, values, 'platform');
  }

  @Mutation(() => Onboarding, {
    description: 'Accepts the services agreement and submits the details for verification.',
  })
  async submitOnboarding(
    @Arg('acceptTermsOfService') acceptTermsOfService: boolean,
    @Arg('userAgent', () => String, { nullable: true }) userAgent: string | null,
    @Ctx() context: IdentityContext,
  ): Promise<Onboarding> {
    const { accountId } = onboardingCaller(context.caller);
    const account = await context.onboarding.submit(accountId, {
      acceptTermsOfService,
      ip: context.clientIp ?? null,
      userAgent: userAgent ?? null,
    });
    return this.view(context, account);
  }

  private async account({ caller, login }: IdentityContext): Promise<Account> {
    const { accountId } = onboardingCaller(caller);
    const account = await login.openAccount(accountId);
    if (!account) throw unauthenticated('This account is closed.');
    return account;
  }

  private async view(context: IdentityContext, account: Account): Promise<Onboarding> {
    const { accountLinkId } = onboardingCaller(context.caller);
    const link = accountLinkId ? await context.accountLinks.find(accountLinkId) : null;
    const platform = await context.accounts.findPlatform(account.platformId, context.caller);
    if (!platform) throw notFound('platform', account.platformId);
    return onboardingView(
      account,
      platform,
      link
        ? { type: link.type as AccountLinkTypeEnum, returnUrl: link.returnUrl }
        : { type: AccountLinkTypeEnum.ACCOUNT_UPDATE, returnUrl: null },
      (key, stored) => context.onboarding.shownValue(key, stored),
    );
  }
}
