import type { DeliveryProvider, OutgoingMessage } from './delivery-provider.service.js';

/**
 * SMS through an HTTP gateway: POST {to, text, id} as JSON with an optional bearer token. Most
 * SMS services (or a small adapter in front of one) accept this; a non-2xx answer is a failure
 * BullMQ retries.
 */
export class HttpSmsProvider implements DeliveryProvider {
  constructor(
    private readonly endpoint: string,
    private readonly token?: string,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.deliveryId,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ id: message.deliveryId, to: message.to, text: message.text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}
