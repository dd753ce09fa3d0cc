import { formatSessionHeader, SESSION_HEADER } from '@dash/auth-context';
import {
  Arg,
  Ctx,
  Field,
  ID,
  Mutation,
  ObjectType,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { badInput } from '@dash/subgraph';
import { Account } from '../account/account.entity.js';
import type { IdentityContext } from '../context.js';

enum LoginChannelEnum {
  sms = 'sms',
  email = 'email',
}
registerEnumType(LoginChannelEnum, { name: 'LoginChannel' });

@ObjectType({
  description: 'A single-use link into the dashboard for one account; it expires in five minutes.',
})
class LoginLink {
  @Field() url!: string;
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
}

@ObjectType({ description: 'A sign-in waiting for the code that was just sent.' })
class LoginChallenge {
  @Field(() => ID) id!: string;
  @Field(() => LoginChannelEnum) channel!: LoginChannelEnum;
  @Field({ description: 'Where the code went, masked: "•••• 42".' }) maskedDestination!: string;
  @Field() expiresAt!: Date;
  @Field({ description: 'When another code may be asked for.' }) resendAvailableAt!: Date;
  @Field(() => [LoginChannelEnum], { description: 'Other ways this account can receive a code.' })
  alternativeChannels!: LoginChannelEnum[];
}

@ObjectType({ description: 'A new session; the gateway puts it in an httpOnly cookie.' })
class SignedIn {
  @Field(() => Account) account!: Account;
  @Field() expiresAt!: Date;
}

@ObjectType({ description: 'One of the accounts a proven email can open.' })
class LoginAccountChoice {
  @Field(() => ID) id!: string;
  @Field({ description: 'The platform the account belongs to.' }) platformName!: string;
  @Field({ description: 'The business name, or the account’s display name without one.' })
  businessName!: string;
}

@ObjectType({
  description:
    'The accounts of an email that has several, once its code is proven: chooseLoginAccount with the token opens one.',
})
class LoginAccountPicker {
  @Field({ description: 'Single use; passed back to chooseLoginAccount.' }) token!: string;
  @Field() expiresAt!: Date;
  @Field(() => [LoginAccountChoice]) accounts!: LoginAccountChoice[];
}

@ObjectType({
  description:
    'A right code: signed in (account and expiresAt), or, for an email with several accounts, the accounts to choose from (choose).',
})
class LoginVerification {
  @Field(() => Account, { nullable: true }) account!: Account | null;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => LoginAccountPicker, { nullable: true }) choose!: LoginAccountPicker | null;
}

const sessionSet = (
  setResponseHeader: IdentityContext['setResponseHeader'],
  token: string,
  expiresAt: Date,
) => setResponseHeader(SESSION_HEADER, formatSessionHeader({ action: 'set', token, expiresAt }));

@Resolver()
export class LoginResolver {
  @Mutation(() => LoginLink, {
    description: 'For a platform: a login link for one of its Express accounts.',
  })
  async createLoginLink(
    @Arg('account', () => ID) accountId: string,
    @Ctx() { access, accounts, login }: IdentityContext,
  ): Promise<LoginLink> {
    access.platform();
    const owned = await access.writeAccount(accountId);
    return login.createLoginLink(await accounts.get(owned.accountId));
  }

  @Mutation(() => LoginChallenge, { description: 'Opens a login link and sends a one-time code.' })
  startLogin(
    @Arg('token') token: string,
    @Arg('channel', () => LoginChannelEnum, { nullable: true })
    channel: LoginChannelEnum | undefined,
    @Ctx() { login }: IdentityContext,
  ): Promise<LoginChallenge> {
    return login.startFromLink(token, channel) as Promise<LoginChallenge>;
  }

  @Mutation(() => LoginChallenge, {
    description:
      'Self-serve sign-in for live-mode accounts: sends a code to the email if it has an account. The answer is the same either way.',
  })
  startEmailLogin(
    @Arg('email') email: string,
    @Ctx() { login }: IdentityContext,
  ): Promise<LoginChallenge> {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()))
      throw badInput('email must be an email address', 'email');
    return login.startFromEmail(email) as Promise<LoginChallenge>;
  }

  @Mutation(() => LoginChallenge, {
    description:
      'Sends a new code, optionally by the other channel ("I no longer have this phone").',
  })
  resendLoginCode(
    @Arg('challenge', () => ID) challengeId: string,
    @Arg('channel', () => LoginChannelEnum, { nullable: true })
    channel: LoginChannelEnum | undefined,
    @Ctx() { login }: IdentityContext,
  ): Promise<LoginChallenge> {
    return login.resend(challengeId, channel) as Promise<LoginChallenge>;
  }

  @Mutation(() => LoginVerification, {
    description:
      'Checks the code; the right one signs the browser in, or offers the accounts of an email that has several.',
  })
  async verifyLoginCode(
    @Arg('challenge', () => ID) challengeId: string,
    @Arg('code') code: string,
    @Ctx() { login, setResponseHeader }: IdentityContext,
  ): Promise<LoginVerification> {
    const verified = await login.verify(challengeId, code.trim());
    if (verified.kind === 'choose') {
      return {
        account: null,
        expiresAt: null,
        choose: {
          token: verified.pickToken,
          expiresAt: verified.expiresAt,
          accounts: verified.choices.map(({ account, platformName }) => ({
            id: account.id,
            platformName,
            businessName: account.businessProfile?.name ?? account.displayName,
          })),
        },
      };
    }
    sessionSet(setResponseHeader, verified.token, verified.session.expiresAt);
    return { account: verified.account, expiresAt: verified.session.expiresAt, choose: null };
  }

  @Mutation(() => SignedIn, {
    description: 'Opens one of the accounts verifyLoginCode offered, with its single-use token.',
  })
  async chooseLoginAccount(
    @Arg('token') token: string,
    @Arg('account', () => ID) accountId: string,
    @Ctx() { login, setResponseHeader }: IdentityContext,
  ): Promise<SignedIn> {
    const { session, token: sessionToken, account } = await login.chooseAccount(token, accountId);
    sessionSet(setResponseHeader, sessionToken, session.expiresAt);
    return { account, expiresAt: session.expiresAt };
  }

  @Mutation(() => Boolean, {
    description:
      'Ends this browser session: a dashboard one, or the onboarding session of an account link (the flow ends it before leaving to the platform).',
  })
  async signOut(
    @Ctx() { access, login, credentialEpochs, setResponseHeader }: IdentityContext,
  ): Promise<boolean> {
    // An onboarding session can be ended too, so a shared computer does not keep it open.
    const signedIn = access.onboardingSession() ?? access.signedInAccount();
    if (signedIn.sessionId) await login.signOut(signedIn.sessionId);
    // Every gateway replica forgets the session at its next request.
    await credentialEpochs.bump({ accountId: signedIn.accountId });
    setResponseHeader(SESSION_HEADER, formatSessionHeader({ action: 'clear' }));
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of this account, on every device.' })
  async signOutEverywhere(
    @Ctx() { access, login, credentialEpochs, setResponseHeader }: IdentityContext,
  ): Promise<boolean> {
    const { accountId } = access.signedInAccount();
    await login.signOutEverywhere(accountId);
    await credentialEpochs.bump({ accountId });
    setResponseHeader(SESSION_HEADER, formatSessionHeader({ action: 'clear' }));
    return true;
  }
}
