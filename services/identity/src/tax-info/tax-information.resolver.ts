import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Account } from '../account/account.entity.js';
import { accountRefOfRow } from '../account/account.rules.js';
import type { IdentityContext } from '../context.js';
import { CodeChallenge } from '../settings/settings.resolver.js';
import { TaxInformationInput } from './tax-information.input.js';
import { TaxInformation } from './tax-information.type.js';

/** The signed-in account's row: tax information changes only its own account. */
function signedInAccount({ access, accounts }: IdentityContext): Promise<Account> {
  return accounts.get(access.signedInAccount().accountId);
}

/** A US account's W-9 and its consent to electronic tax forms. */
@Resolver(() => Account)
export class TaxInformationResolver {
  @FieldResolver(() => TaxInformation, {
    nullable: true,
    description:
      'Its tax information for US tax forms (Form W-9), the taxpayer id masked; null for an account outside the US.',
  })
  taxInformation(
    @Root() account: Account,
    @Ctx() context: IdentityContext,
  ): Promise<TaxInformation | null> | null {
    if (!context.access.canSee(accountRefOfRow(account))) return null;
    return context.taxInformation.view(account);
  }

  @Mutation(() => CodeChallenge, {
    description:
      'Starts a change of the signed-in US account’s tax information: a code goes to its phone (or email), and saveTaxInformation takes it. Refused for 72 hours after the email or phone changed.',
  })
  async startTaxInformationChange(@Ctx() context: IdentityContext): Promise<CodeChallenge> {
    return context.taxInformation.start(await signedInAccount(context));
  }

  @Mutation(() => CodeChallenge, { description: 'Sends the tax information code again.' })
  async resendTaxInformationCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Ctx() context: IdentityContext,
  ): Promise<CodeChallenge> {
    return context.taxInformation.resend(await signedInAccount(context), challengeId);
  }

  @Mutation(() => TaxInformation, {
    description:
      'Saves the signed-in US account’s Form W-9 (taxpayer id, name and address on the tax return, signed certification) with the code startTaxInformationChange sent. The certification is recorded with its time, address and browser.',
  })
  async saveTaxInformation(
    @Arg('input', () => TaxInformationInput, { description: 'The W-9.' })
    input: TaxInformationInput,
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Arg('code', { description: 'The six digits startTaxInformationChange sent.' }) code: string,
    @Ctx() context: IdentityContext,
  ): Promise<TaxInformation> {
    return context.taxInformation.save(
      await signedInAccount(context),
      input,
      challengeId,
      code.trim(),
    );
  }

  @Mutation(() => TaxInformation, {
    description:
      'Gives (true) or withdraws (false) the signed-in US account’s consent to receive its tax forms electronically; recorded with its time. Without it, the platform mails them.',
  })
  async setTaxFormDeliveryConsent(
    @Arg('consent', { description: 'true to receive tax forms electronically.' }) consent: boolean,
    @Ctx() context: IdentityContext,
  ): Promise<TaxInformation> {
    return context.taxInformation.setDeliveryConsent(await signedInAccount(context), consent);
  }
}
