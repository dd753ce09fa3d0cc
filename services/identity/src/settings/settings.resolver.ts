import { isEmail } from 'class-validator';
import {
  Field,
  ObjectType,
  registerEnumType,
  Arg,
  Ctx,
  ID,
  Mutation,
  Resolver,
} from 'type-graphql';
import { formatSessionHeader, SESSION_HEADER } from '@dash/auth-context';
import { badInput } from '@dash/subgraph';
import { closingRefused } from './account-closure.service.js';
import type { ContactKind } from './contact-change.service.js';
import { Account } from '../account/account.entity.js';
import type { IdentityContext } from '../context.js';
import { E164 } from '../account/account.input.js';

enum ContactKindEnum {
  email = 'email',
  phone = 'phone',
}
registerEnumType(ContactKindEnum, {
  name: 'ContactKind',
  description: 'Which way of reaching the account holder is being changed.',
  valuesConfig: {
    email: { description: 'The email address.' },
    phone: { description: 'The phone number, where SMS codes go.' },
  },
});

@ObjectType({
  description:
    'A change waiting for its one-time code: sent to the new email or phone (contact changes), or to the account’s own (payout details, identity details, closing the account).',
})
export class CodeChallenge {
  @Field(() => ID, { description: 'The challenge’s id, `lch_…`: pass it back with the code.' })
  id!: string;

  @Field({ description: 'Where the code went, masked: "•••• 42".' }) maskedDestination!: string;
  @Field({ description: 'When the code stops working, ten minutes after it was sent.' })
  expiresAt!: Date;
  @Field({ description: 'When another code may be asked for.' }) resendAvailableAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'For a contact change: where the second code went, masked (the current email or phone), when the account has one. confirmContactChange needs both codes.',
  })
  currentContact?: string | null;
}

/** The signed-in account's row: the settings page changes only its own account. */
function signedInAccount({ access, accounts }: IdentityContext): Promise<Account> {
  return accounts.get(access.signedInAccount().accountId);
}

/**
 * The signed-in account, open, where its platform lets accounts close themselves; otherwise
 * FEATURE_DISABLED in the platform's name.
 */
async function closableAccount({ access, accounts, platforms }: IdentityContext): Promise<Account> {
  const platform = await platforms.get(access.signedInAccount().platformId);
  const { accountId } = await access.feature('closeAccount', closingRefused(platform.name));
  return accounts.get(accountId);
}

/** What the signed-in account changes about itself from its settings page. */
@Resolver()
export class SettingsResolver {
  @Mutation(() => CodeChallenge, {
    description:
      'Starts changing the email or phone: a code goes to the new one and another to the current contact, and confirmContactChange with both makes the change.',
  })
  async startContactChange(
    @Arg('kind', () => ContactKindEnum, { description: 'The email or the phone.' })
    kind: ContactKindEnum,
    @Arg('value', { description: 'The new email, or the new phone in E.164 (+15555550142).' })
    value: string,
    @Ctx() context: IdentityContext,
  ): Promise<CodeChallenge> {
    const account = await signedInAccount(context);
    if (kind === ContactKindEnum.email && !isEmail(value.trim()))
      throw badInput('value must be an email address', 'value');
    if (kind === ContactKindEnum.phone && !E164.test(value.trim()))
      throw badInput(
        'value must be a phone number in international format such as +15555550142',
        'value',
      );
    return context.contactChange.start(account, kind as ContactKind, value);
  }

  @Mutation(() => CodeChallenge, { description: 'Sends the confirmation code again.' })
  async resendContactChangeCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Ctx() context: IdentityContext,
  ): Promise<CodeChallenge> {
    return context.contactChange.resend(await signedInAccount(context), challengeId);
  }

  @Mutation(() => Account, {
    description:
      'Checks the codes (the new contact’s, and the current contact’s when one was sent); the right ones make the change and tell the old contact.',
  })
  async confirmContactChange(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Arg('code', { description: 'The code sent to the new email or phone.' }) code: string,
    @Arg('currentCode', () => String, {
      nullable: true,
      description: 'The code sent to the current contact, when the challenge has currentContact.',
    })
    currentCode: string | undefined,
    @Ctx() context: IdentityContext,
  ): Promise<Account> {
    return context.contactChange.confirm(
      await signedInAccount(context),
      challengeId,
      code.trim(),
      currentCode?.trim() || undefined,
    );
  }

  @Mutation(() => CodeChallenge, {
    description:
      'Starts a change to where payouts go: a code goes to the account’s phone (or email), and the payouts change (changeExternalAccount) takes it.',
  })
  async startPayoutDetailsChange(@Ctx() context: IdentityContext): Promise<CodeChallenge> {
    return context.payoutDetails.start(await signedInAccount(context));
  }

  @Mutation(() => CodeChallenge, { description: 'Sends the payout details code again.' })
  async resendPayoutDetailsCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Ctx() context: IdentityContext,
  ): Promise<CodeChallenge> {
    return context.payoutDetails.resend(await signedInAccount(context), challengeId);
  }

  @Mutation(() => CodeChallenge, {
    description:
      'Starts closing the signed-in account, where its platform allows it: a code goes to the account’s phone (or email), and closeMyAccount takes it. Refused for 72 hours after the email or phone changed.',
  })
  async startAccountClosure(@Ctx() context: IdentityContext): Promise<CodeChallenge> {
    return context.closure.start(await closableAccount(context));
  }

  @Mutation(() => CodeChallenge, { description: 'Sends the account closure code again.' })
  async resendAccountClosureCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Ctx() context: IdentityContext,
  ): Promise<CodeChallenge> {
    return context.closure.resend(await closableAccount(context), challengeId);
  }

  @Mutation(() => Account, {
    description:
      'Closes the signed-in account with the code startAccountClosure sent, where its platform allows it and nothing is left to settle (balance, payouts, disputes). Signs it out everywhere.',
  })
  async closeMyAccount(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Arg('code', { description: 'The six digits startAccountClosure sent.' }) code: string,
    @Ctx() context: IdentityContext,
  ): Promise<Account> {
    const account = await closableAccount(context);
    const closed = await context.closure.close(account, challengeId, code.trim());
    context.setResponseHeader(SESSION_HEADER, formatSessionHeader({ action: 'clear' }));
    return closed;
  }
}
