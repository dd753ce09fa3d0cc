import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { accountRefOf } from '@dash/contracts';
import type { NotificationsContext } from '../context.js';
import { Account } from '../activity/account.type.js';
import { AccountNotice } from './account-notice.entity.js';
import { AccountNoticeInput } from './notice.input.js';

/** The notices a platform puts in its accounts' banner until it resolves them. */
@Resolver(() => Account)
export class NoticeResolver {
  @FieldResolver(() => [AccountNotice], {
    description: 'What the platform asks of the account now (the banner), oldest first.',
  })
  async notices(
    @Root() account: Account,
    @Ctx() { access, notices }: NotificationsContext,
  ): Promise<AccountNotice[]> {
    const readable = await access.readAccount(account.id);
    return readable ? notices.open(readable) : [];
  }

  @Mutation(() => AccountNotice, {
    description:
      'For a platform: puts a risk intervention or compliance update in an account’s banner until resolveAccountNotice.',
  })
  async createAccountNotice(
    @Arg('account', () => ID, { description: 'The account, `acct_…`.' }) accountId: string,
    @Arg('input', () => AccountNoticeInput, { description: 'What the banner says.' })
    input: AccountNoticeInput,
    @Ctx() { access, notices }: NotificationsContext,
  ): Promise<AccountNotice> {
    // A platform's alone: an account asking is refused as such, not told whether it exists.
    access.platform();
    return notices.create(accountRefOf(await access.writeAccount(accountId)), input);
  }

  @Mutation(() => AccountNotice, { description: 'For a platform: the notice is dealt with.' })
  resolveAccountNotice(
    @Arg('notice', () => ID, { description: 'The notice, `ntc_…`.' }) id: string,
    @Ctx() { access, notices }: NotificationsContext,
  ): Promise<AccountNotice> {
    return notices.resolve(access.platform(), id);
  }
}
