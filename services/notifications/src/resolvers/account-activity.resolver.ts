import { IsNull } from 'typeorm';
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { accountRowsScope, decodeCursor, PageArgs, SafeInt, toPage } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import { AccountNotice } from '../entities/account-notice.entity.js';
import { ActivityPage } from '../entities/activity-views.type.js';
import { ActivityItem, hrefOf } from '../entities/activity-item.entity.js';
import { NotificationPreferences } from '../entities/notification-preferences.entity.js';
import { Dispute, Payout } from '../entities/subject-references.type.js';
import type { NotificationsContext } from '../context.js';

@ArgsType()
class ActivityArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only what has not been read.' })
  unreadOnly!: boolean;
}

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** The activity hub, the notices in the banner, and the account's email choices. */
@Resolver(() => Account)
export class AccountActivityResolver {
  @FieldResolver(() => ActivityPage, { description: 'The activity hub, newest first.' })
  async activity(
    @Root() account: Account,
    @Args() { first, after, unreadOnly }: ActivityArgs,
    @Ctx() { caller, activity }: NotificationsContext,
  ): Promise<ActivityPage> {
    const scope = accountRowsScope(caller, account.id);
    if (!scope) return emptyPage;
    return toPage(
      await activity.itemsPage(scope, first, after ? decodeCursor(after) : undefined, unreadOnly),
      first,
    );
  }

  @FieldResolver(() => SafeInt, { description: 'The number on the activity bell.' })
  async unreadActivityCount(
    @Root() account: Account,
    @Ctx() { caller, activity }: NotificationsContext,
  ): Promise<number> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? activity.count(scope, { readAt: IsNull() }) : 0;
  }

  @FieldResolver(() => [AccountNotice], {
    description: 'What the platform asks of the account now (the banner), oldest first.',
  })
  async notices(
    @Root() account: Account,
    @Ctx() { caller, notices }: NotificationsContext,
  ): Promise<AccountNotice[]> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? notices.open(scope) : [];
  }

  @FieldResolver(() => NotificationPreferences, {
    nullable: true,
    description: 'The account’s own choice: only the account itself reads it.',
  })
  async notificationPreferences(
    @Root() account: Account,
    @Ctx() { caller, dataSource }: NotificationsContext,
  ): Promise<NotificationPreferences | null> {
    if (caller.kind !== 'account' || caller.accountId !== account.id) return null;
    return NotificationPreferences.of(dataSource, account.id);
  }
}

@Resolver(() => ActivityItem)
export class ActivityItemResolver {
  @FieldResolver(() => Payout, {
    nullable: true,
    description: 'The payout it is about (resolved by the payouts subgraph).',
  })
  payout(@Root() item: ActivityItem): Payout | null {
    return item.subjectType === 'payout' && item.subjectId ? { id: item.subjectId } : null;
  }

  @FieldResolver(() => Dispute, {
    nullable: true,
    description: 'The dispute it is about (resolved by the disputes subgraph).',
  })
  dispute(@Root() item: ActivityItem): Dispute | null {
    return item.subjectType === 'dispute' && item.subjectId ? { id: item.subjectId } : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where in the dashboard the thing it is about is shown.',
  })
  href(@Root() item: ActivityItem): string | null {
    return hrefOf(item.subjectType, item.subjectId);
  }
}
