import { Arg, Args, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, notFound, PageInfo } from '@dash/subgraph';
import type { NotificationsContext } from '../context.js';
import { EventsArgs } from '../webhook/webhook.input.js';
import { PlatformEvent } from './platform-event.entity.js';
import { isPublicEventType } from './public-events.rules.js';

@ObjectType({ description: 'A page of events, newest first.' })
export class EventPage {
  @Field(() => [PlatformEvent], { description: 'The events of this page.' })
  nodes!: PlatformEvent[];
  @Field(() => PageInfo, { description: 'Where the page ends.' }) pageInfo!: PageInfo;
}

/** The events of the last 30 days, for a platform to reconcile what its webhooks missed. */
@Resolver(() => PlatformEvent)
export class EventsResolver {
  @Query(() => EventPage, {
    description:
      'Your events of the last 30 days in your key’s mode, newest first: the same events webhooks deliver.',
  })
  events(
    @Args() { type, account, createdAfter, first, after }: EventsArgs,
    @Ctx() context: NotificationsContext,
  ) {
    const tenant = context.access.platform();
    if (type !== undefined && !isPublicEventType(type))
      throw badInput(`type ${type} is not an event type`, 'type');
    return context.webhooks.events.list(tenant, { type, account, createdAfter }, first, after);
  }

  @Query(() => PlatformEvent, { description: 'One of your events.' })
  async event(
    @Arg('id', () => ID, { description: 'The event, `evt_…`.' }) id: string,
    @Ctx() context: NotificationsContext,
  ) {
    const event = await context.webhooks.events.byId(context.access.platform(), id);
    if (!event || event.synthetic) throw notFound('event', id);
    return event;
  }
}
