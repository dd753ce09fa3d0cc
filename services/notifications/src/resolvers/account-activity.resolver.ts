import { IsNull } from 'typeorm';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { accountRowsScope, FirstArgs, SafeInt } from '@dash/subgraph';
import { Account } from '../entities/account.type.js';
import { ActivityItem } from '../entities/activity-item.entity.js';
import type { NotificationsContext } from '../context.js';

@Resolver(() => Account)
export class AccountActivityResolver {
  @FieldResolver(() => [ActivityItem], { description: 'The activity hub, newest first.' })
  async activity(
    @Root() account: Account,
    @Args() { first }: FirstArgs,
    @Ctx() { caller, activity }: NotificationsContext,
  ): Promise<ActivityItem[]> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? activity.newest(scope, first) : [];
  }

  @FieldResolver(() => SafeInt, { description: 'The number on the activity bell.' })
  async unreadActivityCount(
    @Root() account: Account,
    @Ctx() { caller, activity }: NotificationsContext,
  ): Promise<number> {
    const scope = accountRowsScope(caller, account.id);
    return scope ? activity.count(scope, { readAt: IsNull() }) : 0;
  }
}
