import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CodeChallenge } from '../settings/settings.resolver.js';
import { stepUp } from '../settings/step-up.rules.js';
import type { IdentityContext } from '../context.js';

/** The signed-in account, open, through the gate (its platform and mode included). */
async function ownAccount({ access, accounts }: IdentityContext) {
  const { accountId } = await access.writeAccount(access.signedInAccount().accountId);
  return accounts.get(accountId);
}

/** The signed-in account's codes for changing its submitted identity details. */
@Resolver()
export class AccountDetailsResolver {
  @Mutation(() => CodeChallenge, {
    description:
      'Starts a change to the signed-in account’s submitted identity details (legal name, date of birth, id number, address, company name or tax id, business type): a code goes to the account’s phone (or email), and saveOnboardingDetails takes it with the new values.',
  })
  async startAccountDetailsChange(@Ctx() context: IdentityContext): Promise<CodeChallenge> {
    return stepUp(async () => context.accountDetails.start(await ownAccount(context)));
  }

  @Mutation(() => CodeChallenge, { description: 'Sends the account details code again.' })
  async resendAccountDetailsCode(
    @Arg('challenge', () => ID, { description: 'The challenge, `lch_…`.' }) challengeId: string,
    @Ctx() context: IdentityContext,
  ): Promise<CodeChallenge> {
    return stepUp(async () =>
      context.accountDetails.resend(await ownAccount(context), challengeId),
    );
  }
}
