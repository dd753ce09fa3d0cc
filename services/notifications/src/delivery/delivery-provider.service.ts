import type { DataSource } from 'typeorm';
import type { Logger } from '@dash/logger';
import type { DeliveryChannel } from './delivery.entity.js';
import { DevOutboxMessage } from './dev-outbox.entity.js';
import type { RenderedMessage } from './templates.rules.js';

export interface OutgoingMessage extends RenderedMessage {
  deliveryId: string;
  channel: DeliveryChannel;
  to: string;
}

/**
 * Hands a message to whoever carries it (SMTP, an SMS gateway…). Throws when it could not.
 * `deliveryId` travels with the message as its dedupe key, so a carrier given the same message
 * twice (a worker died after handing it over, before recording it) delivers it once.
 */
export interface DeliveryProvider {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * The development provider: messages land in the dev outbox (readable at GET /dev/outbox) and
 * the log instead of reaching a person, so a local stack works without SMTP or SMS credentials.
 */
export class DevOutboxProvider implements DeliveryProvider {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    // The outbox keeps one message per delivery id, as a carrier honouring the key would.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DevOutboxMessage)
      .values({
        deliveryId: message.deliveryId,
        channel: message.channel,
        destination: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        createdAt: new Date(),
      })
      .orIgnore()
      .execute();
    this.log.info(
      { deliveryId: message.deliveryId, channel: message.channel, to: message.to },
      'message delivered to the dev outbox',
    );
  }
}
