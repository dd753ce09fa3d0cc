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
  on_file = 'on_file',
}
registerEnumType(LoginChannelEnum, {
  name: 'LoginChannel',
  description: 'How a one-time code is sent.',
  valuesConfig: {
    sms: { description: 'By text message to the account’s phone.' },
    email: { description: 'By email to the account’s email address.' },
    on_file: {
      description:
        'Only in answers to self-serve sign-in: by text to the phone on file for the email’s account, or to the email itself when it has none. Which of the two is not said before the code is proven, so the answer does not tell whether the email has an account.',
    },
  },
});

/** A channel asked for: `on_file` is only ever an answer. */
function askedChannel(channel: LoginChannelEnum | undefined): 'sms' | 'email' | undefined {
  if (channel === LoginChannelEnum.on_file)
    throw badInput('channel must be sms or email; on_file is only an answer', 'channel');
  return channel;
}

@ObjectType({
  description: 'A single-use link into the dashboard for one account; it expires in five minutes.',
})
class LoginLink {
  @Field({ description: 'Send the account’s owner here: the dashboard’s /login/<token> page.' })
  url!: string;

  @Field({ description: 'When it was made.' }) createdAt!: Date;
  @Field({ description: 'When it stops working, five minutes after it was made.' })
  expiresAt!: Date;
}

@ObjectType({
  description: 'The platform a sign-in page is branded with, and its support contact.',
})
class LoginBranding {
  @Field({ description: 'The platform’s name.' }) name!: string;
  @Field({ description: 'Its colour, #rrggbb.' }) brandColor!: string;
  @Field(() => String, { nullable: true, description: 'Its icon, on the dashboard’s origin.' })
  iconUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Where to email for help.' })
  supportEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'Where to call for help.' })
  supportPhone!: string | null;
  @Field(() => String, { nullable: true, description: 'Its help page.' })
  supportUrl!: string | null;
}

@ObjectType({ description: 'A sign-in waiting for the code that was just sent.' })
class LoginChallenge {
  @Field(() => ID, { description: 'The challenge’s id, `lch_…`: pass it to verifyLoginCode.' })
  id!: string;

  @Field(() => LoginChannelEnum, { description: 'How the code was sent.' })
  channel!: LoginChannelEnum;
  @Field({ description: 'Where the code went, masked: "•••• 42".' }) maskedDestination!: string;
  @Field({ description: 'When the code stops working, ten minutes after it was sent.' })
  expiresAt!: Date;

  @Field({ description: 'When another code may be asked for.' }) resendAvailableAt!: Date;
  @Field(() => [LoginChannelEnum], { description: 'Other ways this account can receive a code.' })
  alternativeChannels!: LoginChannelEnum[];

  @Field(() => LoginBranding, {
    nullable: true,
    description:
      'Whose dashboard this opens, for the sign-in page to show: given when a login link was opened (never for an email sign-in, which must not tell whether the email has an account).',
  })
  platform?: LoginBranding | null;
}

@ObjectType({ description: 'A new session; the gateway puts it in an httpOnly cookie.' })
class SignedIn {
  @Field(() => Account, { description: 'The account signed in.' }) account!: Account;
  @Field({ description: 'When the session ends at the latest.' }) expiresAt!: Date;
}

@ObjectType({ description: 'One of the accounts a proven email can open.' })
class LoginAccountChoice {
  @Field(() => ID, { description: 'The account’s id, `acct_…`: pass it to chooseLoginAccount.' })
  id!: string;
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
  @Field({ description: 'When the token stops working.' }) expiresAt!: Date;
  @Field(() => [LoginAccountChoice], { description: 'The accounts to choose from.' })
  accounts!: LoginAccountChoice[];
}

@ObjectType({
  description:
    'A right code: signed in (account and expiresAt), or, for an email with several accounts, the accounts to choose from (choose).',
})
class LoginVerification {
  @Field(() => Account, { nullable: true, description: 'The account signed in; null with choose.' })
  account!: Account | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the new session ends at the latest; null with choose.',
  })
  expiresAt!: Date | null;

  @Field(() => LoginAccountPicker, {
    nullable: true,
    description: 'The accounts to choose from, for an email with several; otherwise null.',
  })
  choose!: LoginAccountPicker | null;
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
    @Arg('account', () => ID, { description: 'The account, `acct_…`.' }) accountId: string,
    @Ctx() { access, accounts, login }: IdentityContext,
  ): Promise<LoginLink> {
    access.platform();
    const owned = await access.writeAccount(accountId);
    return login.createLoginLink(await accounts.get(owned.accountId));
  }

  @Mutation(() => LoginChallenge, { description: 'Opens a login link and sends a one-time code.' })
  async startLogin(
    @Arg('token', { description: 'The token from the login link’s URL.' }) token: string,
    @Arg('channel', () => LoginChannelEnum, {
      nullable: true,
      description: 'How to send the code; by default SMS where the account has a phone.',
    })
    channel: LoginChannelEnum | undefined,
    @Ctx() { login, platforms }: IdentityContext,
  ): Promise<LoginChallenge> {
    const { platformId, ...challenge } = await login.startFromLink(token, askedChannel(channel));
    return { ...(challenge as LoginChallenge), platform: await platforms.find(platformId) };
  }

  @Mutation(() => LoginChallenge, {
    description:
      'Self-serve sign-in for live-mode accounts: if the email has an account, sends a code by text to the phone on file (or to the email when there is none, or when `channel: email` is asked: "I no longer have this phone"). The answer is the same either way.',
  })
  startEmailLogin(
    @Arg('email', { description: 'The email address of the live-mode account.' }) email: string,
    @Arg('channel', () => LoginChannelEnum, {
      nullable: true,
      description: 'email to have the code emailed instead of texted.',
    })
    channel: LoginChannelEnum | undefined,
    @Ctx() { login }: IdentityContext,
  ): Promise<LoginChallenge> {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()))
      throw badInput('email must be an email address', 'email');
    return login.startFromEmail(email, 1, askedChannel(channel)) as Promise<LoginChallenge>;
  }

  @Mutation(() => LoginChallenge, {
    description:
      'Sends a new code, optionally by the other channel ("I no longer have this phone").',
  })
  resendLoginCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Arg('channel', () => LoginChannelEnum, {
      nullable: true,
      description: 'Another channel to send it by; by default the same one.',
    })
    channel: LoginChannelEnum | undefined,
    @Ctx() { login }: IdentityContext,
  ): Promise<LoginChallenge> {
    return login.resend(challengeId, askedChannel(channel)) as Promise<LoginChallenge>;
  }

  @Mutation(() => LoginVerification, {
    description:
      'Checks the code; the right one signs the browser in, or offers the accounts of an email that has several.',
  })
  async verifyLoginCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Arg('code', { description: 'The six digits that were sent.' }) code: string,
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
    @Arg('token', { description: 'The token of verifyLoginCode’s choose.' }) token: string,
    @Arg('account', () => ID, { description: 'The chosen account, `acct_…`.' }) accountId: string,
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
