import { IsIn, IsOptional, Length } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { ListArg, requireAccount, requirePlatform, SafeInt } from '@dash/subgraph';
import { AccountNotice, NoticeKind } from '../entities/account-notice.entity.js';
import { NotificationPreferences } from '../entities/notification-preferences.entity.js';
import type { NotificationsContext } from '../context.js';

@InputType({ description: 'A notice for the banner.' })
class AccountNoticeInput {
  @Field(() => NoticeKind) kind!: NoticeKind;
  @Field() @Length(1, 200) title!: string;
  @Field({ description: 'What is needed, by when, and what happens otherwise.' })
  @Length(1, 2000)
  body!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 80) actionLabel?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 500) actionUrl?: string;
  @Field({ nullable: true }) @IsOptional() dueBy?: Date;
}

@InputType({ description: 'Email choices; those left out stay as they are.' })
class NotificationPreferencesInput {
  @Field({ nullable: true }) @IsOptional() emailPayoutFailed?: boolean;
  @Field({ nullable: true }) @IsOptional() emailDisputeOpened?: boolean;
  @Field({ nullable: true }) @IsOptional() emailRequirementsDue?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsIn(['en', 'zh-CN']) locale?: string;
}

/** A page of the hub holds far fewer; more in one call only builds a needlessly long query. */
const MAX_IDS_PER_CALL = 100;

/** Reading the hub, the platform's notices, and the account's email choices. */
@Resolver()
export class ActivityMutationsResolver {
  @Mutation(() => SafeInt, {
    description:
      'For the signed-in account: marks items read (all of them when ids is left out; at most 100 ids).',
  })
  async markActivityRead(
    @ListArg('ids', () => [ID], { nullable: true, maxItems: MAX_IDS_PER_CALL })
    ids: string[] | undefined,
    @Ctx() { caller, activity }: NotificationsContext,
  ): Promise<number> {
    const { accountId, livemode } = requireAccount(caller);
    return activity.markRead({ accountId, livemode }, new Date(), ids);
  }

  @Mutation(() => AccountNotice, {
    description:
      'For a platform: puts a risk intervention or compliance update in an account’s banner until resolveAccountNotice.',
  })
  async createAccountNotice(
    @Arg('account', () => ID) accountId: string,
    @Arg('input', () => AccountNoticeInput) input: AccountNoticeInput,
    @Ctx() { caller, directory, notices }: NotificationsContext,
  ): Promise<AccountNotice> {
    const platform = requirePlatform(caller);
    const owner = await directory.openAccountOf(platform, accountId);
    return notices.create(owner, input);
  }

  @Mutation(() => AccountNotice, { description: 'For a platform: the notice is dealt with.' })
  resolveAccountNotice(
    @Arg('notice', () => ID) id: string,
    @Ctx() { caller, notices }: NotificationsContext,
  ): Promise<AccountNotice> {
    const { platformId, livemode } = requirePlatform(caller);
    return notices.resolve({ platformId, livemode }, id);
  }

  @Mutation(() => NotificationPreferences, {
    description:
      'For the signed-in account: which activity it also wants by email, and in which language.',
  })
  async updateNotificationPreferences(
    @Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput,
    @Ctx() { caller, dataSource }: NotificationsContext,
  ): Promise<NotificationPreferences> {
    const { accountId } = requireAccount(caller);
    const current = await NotificationPreferences.of(dataSource, accountId);
    const next = Object.assign(
      current,
      Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      {
        updatedAt: new Date(),
      },
    );
    await dataSource.getRepository(NotificationPreferences).upsert(next, ['accountId']);
    return next;
  }
}
