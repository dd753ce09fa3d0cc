import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@dash/subgraph';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';

@ObjectType({ description: 'A page of webhook endpoints, newest first.' })
export class WebhookEndpointPage {
  @Field(() => [WebhookEndpoint], { description: 'The endpoints of this page.' })
  nodes!: WebhookEndpoint[];
  @Field(() => PageInfo, { description: 'Where the page ends.' }) pageInfo!: PageInfo;
}

@ObjectType({ description: 'A page of deliveries to one endpoint, newest first.' })
export class WebhookDeliveryPage {
  @Field(() => [WebhookDelivery], { description: 'The deliveries of this page.' })
  nodes!: WebhookDelivery[];
  @Field(() => PageInfo, { description: 'Where the page ends.' }) pageInfo!: PageInfo;
}

@ObjectType({
  description:
    'An endpoint with its signing secret: given when the endpoint is made and when its secret is rolled, never again.',
})
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' }) endpoint!: WebhookEndpoint;
  @Field({
    description:
      '`whsec_…`: verify each delivery with it (the Standard Webhooks scheme). Keep it secret; it is not shown again.',
  })
  secret!: string;
}
