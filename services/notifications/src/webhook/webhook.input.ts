import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '@dash/subgraph';
import { WebhookDeliveryStatus } from './webhook-delivery.entity.js';

const EVENTS_DESCRIPTION =
  'Event types to send (account.updated, payout.paid, charge.dispute.created, …), or `*` for all.';

@ArgsType()
export class CreateWebhookEndpointArgs {
  @Field({ description: 'An https URL (http is accepted in test mode).' })
  @Length(1, 2048)
  url!: string;

  @Field(() => [String], { description: EVENTS_DESCRIPTION })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  enabledEvents!: string[];

  @Field({ nullable: true, description: 'Your note of what it is for.' })
  @IsOptional()
  @Length(0, 500)
  description?: string;
}

/** What to change of an endpoint; what is left out stays. */
@ArgsType()
export class UpdateWebhookEndpointArgs {
  @Field(() => ID, { description: 'The endpoint (`we_…`).' })
  id!: string;

  @Field({ nullable: true, description: 'A new URL (https in live mode).' })
  @IsOptional()
  @Length(1, 2048)
  url?: string;

  @Field(() => [String], { nullable: true, description: EVENTS_DESCRIPTION })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  enabledEvents?: string[];

  @Field({ nullable: true, description: 'A new note of what it is for.' })
  @IsOptional()
  @Length(0, 500)
  description?: string;

  @Field({
    nullable: true,
    description: 'True stops deliveries; false sends again (and forgets past failures).',
  })
  @IsOptional()
  disabled?: boolean;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The endpoint (`we_…`).' })
  endpoint!: string;

  @Field(() => [WebhookDeliveryStatus], { nullable: true, description: 'Only these statuses.' })
  status?: WebhookDeliveryStatus[];
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only this event type (payout.paid, …).' })
  type?: string;

  @Field(() => ID, { nullable: true, description: 'Only events of this account (`acct_…`).' })
  account?: string;

  @Field({ nullable: true, description: 'Only events after this moment.' })
  createdAfter?: Date;
}
