import {
  Arg,
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
import { maskDestination } from '@dash/contracts';
import {
  DashError,
  decodeCursor,
  notFound,
  PageArgs,
  toPage,
  type CursorScope,
} from '@dash/subgraph';
import { Account } from '../activity/account.type.js';
import type { Delivery, DeliveryStatus } from './delivery.entity.js';
import { DeliveryRecord, DeliveryRecordPage } from './delivery.type.js';
import type { NotificationsContext } from '../context.js';

@ArgsType()
class DeliveryLogArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: 'queued, sent, failed.' })
  status?: DeliveryStatus[];
}

/** One account's delivery log: its cursors are refused by any other list. */
const deliveriesScope = (accountId: string): CursorScope => `deliveries:${accountId}`;

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

const view = (delivery: Delivery): DeliveryRecord => ({
  ...delivery,
  destination: maskDestination(delivery.channel, delivery.destination),
});

/**
 * The delivery log: every message to an account holder and its fate. Failed ones are the dead
 * letters — retried by the platform once what stopped them (a bad address, a carrier outage) is
 * fixed.
 */
@Resolver(() => Account)
export class DeliveryLogResolver {
  @FieldResolver(() => DeliveryRecordPage, { description: 'Newest first.' })
  async deliveries(
    @Root() account: Account,
    @Args() { first, after, status }: DeliveryLogArgs,
    @Ctx() context: NotificationsContext,
  ): Promise<DeliveryRecordPage> {
    if (!(await context.access.readAccount(account.id))) return emptyPage;
    const scope = deliveriesScope(account.id);
    const rows = await context.deliveries.log(
      account.id,
      first,
      status,
      after ? decodeCursor(after, scope) : undefined,
    );
    const page = toPage(rows, first, scope);
    return { ...page, nodes: page.nodes.map(view) };
  }

  @Mutation(() => DeliveryRecord, {
    description: 'For a platform: sends a failed message again (its job, kept by the queue).',
  })
  async retryDelivery(
    @Arg('delivery', () => ID, { description: 'The failed delivery, `dlv_…`.' }) id: string,
    @Ctx() context: NotificationsContext,
  ): Promise<DeliveryRecord> {
    context.access.platform();
    const delivery = await context.deliveries.find(id);
    // A notice to a platform's team has no account, and no log of its own to retry from.
    if (!delivery?.accountId || !(await context.access.readAccount(delivery.accountId)))
      throw notFound('delivery', id);
    const job = await context.deliveryQueue().queue.getJob(id);
    if (delivery.status !== 'failed' || !job || !(await job.isFailed()))
      throw new DashError('FAILED_PRECONDITION', 'Only a failed message can be sent again.', {
        reason: 'NOT_FAILED',
      });
    await context.deliveries.requeueFailed(id);
    await job.retry('failed');
    return view({ ...delivery, status: 'queued' });
  }
}
