import type { Logger } from '@dash/logger';
import type { DeliveryChannel } from '../entities/delivery.entity.js';
import type { RenderedMessage } from '../domain/templates.js';

export interface OutgoingMessage extends RenderedMessage {
  deliveryId: string;
  channel: DeliveryChannel;
  to: string;
}

/** Hands a message to whoever carries it (SMTP, an SMS gateway…). Throws when it could not. */
export interface DeliveryProvider {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * The development provider: the message goes to the log instead of a person, so a local stack
 * works without SMTP or SMS credentials.
 */
export class LogProvider implements DeliveryProvider {
  constructor(private readonly log: Logger) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.log.info(
      {
        deliveryId: message.deliveryId,
        channel: message.channel,
        to: message.to,
        subject: message.subject,
        text: message.text,
      },
      'message delivered (log provider)',
    );
  }
}
