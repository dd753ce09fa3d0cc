import { formatSessionHeader, SESSION_HEADER } from '@dash/auth-context';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DashError, ListArg, unauthenticated } from '@dash/subgraph';
import { Account } from '../account/account.entity.js';
import {
  AccountLink,
  AccountLinkTypeEnum,
  Onboarding,
  OnboardingSession,
} from './onboarding.type.js';
import { onboardingCaller } from './onboarding-caller.rules.js';
import { onboardingView } from './onboarding-view.rules.js';
import { OnboardingValueInput } from './onboarding.input.js';
import type { IdentityContext } from '../context.js';
import { stepUp } from '../settings/step-up.rules.js';

/** A whole company form with a dozen owners is well under this; a step of the flow sends far fewer. */
const MAX_VALUES_PER_CALL = 200;

@Resolver()
export class OnboardingResolver {
  @Mutation(() => AccountLink, {
    description:
      'For a platform: a link into hosted onboarding for one of its accounts. Expired, used or invalid links send the browser to refreshUrl; finishing or leaving sends it to returnUrl.',
  })
  async createAccountLink(
    @Arg('account', () => ID, { description: 'The account, `acct_…`.' }) accountId: string,
    @Arg('type', () => AccountLinkTypeEnum, { description: 'Onboarding, or an update.' })
    type: AccountLinkTypeEnum,
    @Arg('refreshUrl', {
      description:
        'Where a spent link sends the browser: make a new link there and redirect. https in live mode.',
    })
    refreshUrl: string,
    @Arg('returnUrl', {
      description: 'Where the browser goes when the flow is finished or left. https in live mode.',
    })
    returnUrl: string,
    @Ctx() { access, accounts, accountLinks }: IdentityContext,
  ): Promise<AccountLink> {
    access.platform();
    const owned = await access.writeAccount(accountId);
    return accountLinks.create(await accounts.get(owned.accountId), type, {
      refreshUrl,
      returnUrl,
    });
  }

  @Mutation(() => OnboardingSession, {
    description:
      "Opens an account link (once): the browser gets a session for onboarding only. A refused link's error carries the platform's refreshUrl.",
  })
  async openAccountLink(
    @Arg('token', { description: 'The token from the account link’s URL.' }) token: string,
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
      'Saves answers: a draft until the details are submitted, a change of them after. Every value is checked and a refusal (fieldErrors) saves none. Once submitted, a signed-in account changing its identity details (legal name, date of birth, id number, address, company name or tax id, business type) needs the code startAccountDetailsChange sent (FORBIDDEN, reason STEP_UP_REQUIRED, without it); an account link needs none. What verification checks of a change is pending until it is checked again.',
  })
  async saveOnboardingDetails(
    @ListArg('values', () => [OnboardingValueInput], {
      maxItems: MAX_VALUES_PER_CALL,
      description: 'The answers, at most 200; each checked as the flow checks it.',
    })
    values: OnboardingValueInput[],
    @Arg('challenge', () => ID, {
      nullable: true,
      description: 'For an identity change from the dashboard: the challenge, `lch_…`.',
    })
    challenge: string | undefined,
    @Arg('code', () => String, {
      nullable: true,
      description: 'The six digits startAccountDetailsChange sent.',
    })
    code: string | undefined,
    @Ctx() context: IdentityContext,
  ): Promise<Onboarding> {
    const { accountId, accountLinkId } = onboardingCaller(context.access);
    // The holder of an account link was signed in by its platform; a dashboard session (perhaps
    // a stolen one) proves itself with a code before it rewrites who the account is.
    if (accountLinkId) return this.view(context, await context.onboarding.save(accountId, values));
    await context.access.writeAccount(accountId);
    const answer = challenge && code ? { challengeId: challenge, code: code.trim() } : null;
    const saved = await stepUp(async () =>
      context.onboarding.save(
        accountId,
        values,
        'account',
        await context.accountDetails.guard(accountId, answer),
      ),
    );
    return this.view(context, saved);
  }

  @Mutation(() => Account, {
    description:
      'For a platform: fills in onboarding answers it already knows (the same keys and checks as the flow), so its account only confirms them. The services agreement is always the account’s own; once the account has submitted, prefilling is refused (FAILED_PRECONDITION, reason DETAILS_SUBMITTED).',
  })
  async prefillOnboarding(
    @Arg('account', () => ID, { description: 'The account, `acct_…`.' }) accountId: string,
    @ListArg('values', () => [OnboardingValueInput], {
      maxItems: MAX_VALUES_PER_CALL,
      description: 'The answers, at most 200; each checked as the flow checks it.',
    })
    values: OnboardingValueInput[],
    @Ctx() { access, onboarding }: IdentityContext,
  ): Promise<Account> {
    access.platform();
    const owned = await access.writeAccount(accountId);
    return onboarding.save(owned.accountId, values, 'platform');
  }

  @Mutation(() => Onboarding, {
    description: 'Accepts the services agreement and submits the details for verification.',
  })
  async submitOnboarding(
    @Arg('acceptTermsOfService', {
      description: 'Must be true: the account accepts the services agreement.',
    })
    acceptTermsOfService: boolean,
    @Arg('userAgent', () => String, {
      nullable: true,
      description: 'The browser’s user agent, recorded with the acceptance.',
    })
    userAgent: string | null,
    @Ctx() context: IdentityContext,
  ): Promise<Onboarding> {
    const { accountId } = onboardingCaller(context.access);
    const account = await context.onboarding.submit(accountId, {
      acceptTermsOfService,
      ip: context.clientIp ?? null,
      userAgent: userAgent ?? null,
    });
    return this.view(context, account);
  }

  private async account({ access, login }: IdentityContext): Promise<Account> {
    const { accountId } = onboardingCaller(access);
    const account = await login.openAccount(accountId);
    if (!account) throw unauthenticated('This account is closed.');
    return account;
  }

  private async view(context: IdentityContext, account: Account): Promise<Onboarding> {
    const { accountLinkId } = onboardingCaller(context.access);
    const link = accountLinkId ? await context.accountLinks.find(accountLinkId) : null;
    const platform = await context.platforms.get(account.platformId);
    return onboardingView(
      account,
      platform,
      link
        ? { type: link.type as AccountLinkTypeEnum, returnUrl: link.returnUrl }
        : { type: AccountLinkTypeEnum.account_update, returnUrl: null },
      (key, stored) => context.onboarding.shownValue(key, stored),
    );
  }
}
