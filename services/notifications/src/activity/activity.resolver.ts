import { IsNull } from 'typeorm';
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { accountRefOf } from '@dash/contracts';
import { decodeCursor, ListArg, PageArgs, SafeInt, toPage } from '@dash/subgraph';
import type { NotificationsContext } from '../context.js';
import { NotificationPreferences } from '../preferences/notification-preferences.entity.js';
import { Account } from './account.type.js';
import { ActivityItem } from './activity-item.entity.js';
import { readActivity } from './activity-texts.rules.js';
import { ActivityPage } from './activity.type.js';
import { localeOf } from './formats.rules.js';
import { hrefOf } from './subject.rules.js';
import { Dispute, Payout } from './subjects.type.js';

@ArgsType()
class ActivityArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only what has not been read.' })
  unreadOnly!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The language of the items' title and body: en, zh-CN, ja, de, fr or es (anything else reads as en). By default the language the account chose (notificationPreferences.locale), else English.",
  })
  locale?: string;
}

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** A page of the hub holds far fewer; more in one call only builds a needlessly long query. */
const MAX_IDS_PER_CALL = 100;

/** The activity hub, and the number on its bell. */
@Resolver(() => Account)
export class AccountActivityResolver {
  @FieldResolver(() => ActivityPage, { description: 'The activity hub, newest first.' })
  async activity(
    @Root() account: Account,
    @Args() { first, after, unreadOnly, locale }: ActivityArgs,
    @Ctx() { access, activity, dataSource }: NotificationsContext,
  ): Promise<ActivityPage> {
    const readable = await access.readAccount(account.id);
    if (!readable) return emptyPage;
    const page = toPage(
      await activity.itemsPage(
        readable,
        first,
        after ? decodeCursor(after) : undefined,
        unreadOnly,
      ),
      first,
    );
    const language = localeOf(
      locale ?? (await NotificationPreferences.of(dataSource, account.id)).locale,
    );
    for (const item of page.nodes) Object.assign(item, readActivity(item, language));
    return page;
  }

  @FieldResolver(() => SafeInt, { description: 'The number on the activity bell.' })
  async unreadActivityCount(
    @Root() account: Account,
    @Ctx() { access, activity, batches }: NotificationsContext,
  ): Promise<number> {
    const readable = await access.readAccount(account.id);
    if (!readable) return 0;
    // A platform asking for many accounts at once: one count for all of them.
    return batches.forAccount('unreadActivityCount', readable, (accounts) =>
      activity.countEach(accounts, { readAt: IsNull() }),
    );
  }
}

/** What an item is about, and where it leads. */
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

/** Reading the hub. */
@Resolver()
export class ActivityMutationsResolver {
  @Mutation(() => SafeInt, {
    description:
      'For the signed-in account: marks items read (all of them when ids is left out; at most 100 ids).',
  })
  async markActivityRead(
    @ListArg('ids', () => [ID], {
      nullable: true,
      maxItems: MAX_IDS_PER_CALL,
      description: 'The items to mark (`act_…`), at most 100; leave out for all of them.',
    })
    ids: string[] | undefined,
    @Ctx() { access, activity }: NotificationsContext,
  ): Promise<number> {
    const account = accountRefOf(access.signedInAccount());
    return activity.markRead(account, new Date(), ids);
  }
}
