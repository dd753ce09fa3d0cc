import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DashError, badInput, notFound, PageArgs } from '@dash/subgraph';
import { newId } from '@dash/ids';
import type { NotificationsContext } from '../context.js';
import { PlatformEvent } from '../platform-event/platform-event.entity.js';
import { isPublicEventType } from '../platform-event/public-events.rules.js';
import {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryTrigger,
} from './webhook-delivery.entity.js';
import { WebhookEndpoint, WebhookEndpointStatus } from './webhook-endpoint.entity.js';
import {
  CreateWebhookEndpointArgs,
  UpdateWebhookEndpointArgs,
  WebhookDeliveriesArgs,
} from './webhook.input.js';
import { queueAttempts } from './webhook-queue.js';
import {
  WebhookDeliveryPage,
  WebhookEndpointPage,
  WebhookEndpointWithSecret,
} from './webhook.type.js';

/** A manual delivery needs an endpoint that is sending. */
function assertEnabled(endpoint: WebhookEndpoint) {
  if (endpoint.status !== WebhookEndpointStatus.enabled)
    throw new DashError('FAILED_PRECONDITION', 'The endpoint is disabled: enable it first.', {
      reason: 'ENDPOINT_DISABLED',
    });
}

/**
 * A platform's webhook endpoints and their deliveries, for its API keys only (each key sees its
 * own mode's endpoints).
 */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpointPage, { description: 'Your webhook endpoints, newest first.' })
  webhookEndpoints(@Args() { first, after }: PageArgs, @Ctx() context: NotificationsContext) {
    return context.webhooks.endpoints.list(context.access.platform(), first, after);
  }

  @Query(() => WebhookEndpoint, { description: 'One of your webhook endpoints.' })
  webhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint, `we_…`.' }) id: string,
    @Ctx() context: NotificationsContext,
  ) {
    return context.webhooks.endpoints.get(context.access.platform(), id);
  }

  @Query(() => WebhookDeliveryPage, {
    description: 'Deliveries to one of your endpoints, newest first, each with every attempt.',
  })
  async webhookDeliveries(
    @Args() { endpoint, status, first, after }: WebhookDeliveriesArgs,
    @Ctx() context: NotificationsContext,
  ) {
    const owned = await context.webhooks.endpoints.get(context.access.platform(), endpoint);
    return context.webhooks.deliveries.list(owned.id, status, first, after);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'A new endpoint for the events you choose, in your key’s mode. Its signing secret is in the answer, and only there.',
  })
  createWebhookEndpoint(
    @Args() { url, enabledEvents, description }: CreateWebhookEndpointArgs,
    @Ctx() context: NotificationsContext,
  ) {
    return context.webhooks.endpoints.create(context.access.platform(), {
      url,
      enabledEvents,
      description,
    });
  }

  @Mutation(() => WebhookEndpoint, { description: 'Changes an endpoint, or disables/enables it.' })
  updateWebhookEndpoint(
    @Args() { id, ...change }: UpdateWebhookEndpointArgs,
    @Ctx() context: NotificationsContext,
  ) {
    return context.webhooks.endpoints.update(context.access.platform(), id, change);
  }

  @Mutation(() => ID, {
    description: 'Deletes an endpoint; deliveries waiting for it are canceled. Answers its id.',
  })
  async deleteWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint, `we_…`.' }) id: string,
    @Ctx() context: NotificationsContext,
  ) {
    await context.webhooks.endpoints.delete(context.access.platform(), id);
    return id;
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'A new signing secret. The old one keeps signing beside it for 24 hours, so your receivers can switch without missing an event.',
  })
  rollWebhookEndpointSecret(
    @Arg('id', () => ID, { description: 'The endpoint, `we_…`.' }) id: string,
    @Ctx() context: NotificationsContext,
  ) {
    return context.webhooks.endpoints.rollSecret(context.access.platform(), id);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends one of your events to one of your endpoints again, now (e.g. after fixing the receiver). It carries the same `webhook-id`.',
  })
  async resendWebhookEvent(
    @Arg('event', () => ID, { description: 'The event, `evt_…`.' }) eventId: string,
    @Arg('endpoint', () => ID, { description: 'The endpoint, `we_…`.' }) endpointId: string,
    @Ctx() context: NotificationsContext,
  ) {
    const tenant = context.access.platform();
    const { endpoints, events, deliveries, queue } = context.webhooks;
    const endpoint = await endpoints.get(tenant, endpointId);
    const event = await events.byId(tenant, eventId);
    if (!event || event.synthetic) throw notFound('event', eventId);
    assertEnabled(endpoint);
    const delivery = await deliveries.create(endpoint, event, WebhookDeliveryTrigger.resend);
    await queueAttempts(queue(), [delivery.id]);
    return delivery;
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a made-up event of `type` to the endpoint once, to check your receiver: its object says `test: true`, and it is not listed in `events`.',
  })
  async sendTestWebhook(
    @Arg('endpoint', () => ID, { description: 'The endpoint, `we_…`.' }) endpointId: string,
    @Arg('type', { description: 'The event type to imitate, such as payout.paid.' }) type: string,
    @Ctx() context: NotificationsContext,
  ) {
    const tenant = context.access.platform();
    if (!isPublicEventType(type)) throw badInput(`type ${type} is not an event type`, 'type');
    const { endpoints, events, deliveries, queue } = context.webhooks;
    const endpoint = await endpoints.get(tenant, endpointId);
    assertEnabled(endpoint);
    const event = await events.recordSynthetic({
      id: newId('event'),
      ...tenant,
      account: null,
      type,
      object: { object: type.split('.').at(-2) ?? type, test: true },
      createdAt: new Date(),
    });
    const delivery = await deliveries.create(endpoint, event, WebhookDeliveryTrigger.test);
    await queueAttempts(queue(), [delivery.id]);
    return delivery;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => PlatformEvent, {
    nullable: true,
    description: 'What was sent (null once the event is past its 30 days).',
  })
  event(@Root() delivery: WebhookDelivery, @Ctx() context: NotificationsContext) {
    return context.webhooks.events.byId(
      { platformId: delivery.platformId, livemode: delivery.livemode },
      delivery.eventId,
    );
  }

  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt, first first.' })
  attemptLog(@Root() delivery: WebhookDelivery, @Ctx() context: NotificationsContext) {
    return context.webhooks.deliveries.attemptsOf([delivery.id]);
  }
}
