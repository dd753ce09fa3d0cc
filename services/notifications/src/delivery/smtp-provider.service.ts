import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryProvider, OutgoingMessage } from './delivery-provider.service.js';

/**
 * Email through any SMTP server (smtp://user:pass@host:587, smtps://… for implicit TLS). A
 * message with an HTML part goes as multipart/alternative: text first, HTML preferred.
 */
export class SmtpProvider implements DeliveryProvider {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      // Lets the provider de-duplicate if a retry follows a send whose answer was lost.
      messageId: `<${message.deliveryId}@dash>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
