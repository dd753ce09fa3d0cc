import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Account } from '../account/account.entity.js';
import type { IdentityContext } from '../context.js';
import { documentOwner } from './document-owner.service.js';
import { VerificationDocument } from './verification-document.entity.js';
import { VerificationDocumentInput } from './verification-document.input.js';

@Resolver(() => Account)
export class VerificationDocumentResolver {
  @Mutation(() => VerificationDocument, {
    description:
      'Sends an identity document for a requirement that asks for one (see requirements.currentlyDue): by the account itself (signed in, or in onboarding), or by its platform naming `account`. Test mode reviews it at once (see the test files in the README); the answer updates the requirements and emits account.updated.',
  })
  async attachVerificationDocument(
    @Arg('account', () => ID, {
      nullable: true,
      description: 'For a platform: its account, `acct_…`. An account leaves it out.',
    })
    account: string | null,
    @Arg('input', () => VerificationDocumentInput, { description: 'The document and its files.' })
    input: VerificationDocumentInput,
    @Ctx() { access, verificationDocuments }: IdentityContext,
  ): Promise<VerificationDocument> {
    const owner = await documentOwner(access, account);
    return verificationDocuments.attach(owner, input);
  }

  @FieldResolver(() => [VerificationDocument], {
    description: 'The identity documents sent for the account, newest first, with their reviews.',
  })
  verificationDocuments(
    @Root() account: Account,
    @Ctx() { verificationDocuments }: IdentityContext,
  ): Promise<VerificationDocument[]> {
    return verificationDocuments.list(account.id);
  }
}
