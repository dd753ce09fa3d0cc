import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { graphql } from './graphql.js';

/** An event as it is delivered: `{ id, object, type, created, livemode, account, data }`. */
export interface DeliveredEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: boolean;
  account: string | null;
  data: { object: Record<string, unknown> };
}

/**
 * Step 5a: an endpoint of yours that receives events, signed. The secret (`whsec_…`) is
 * answered only now: keep it, to verify every delivery.
 */
export async function createWebhookEndpoint(
  url: string,
  enabledEvents: string[] = ['*'],
): Promise<{ id: string; secret: string }> {
  const { createWebhookEndpoint } = await graphql<{
    createWebhookEndpoint: { endpoint: { id: string }; secret: string };
  }>(
    `
      mutation CreateWebhookEndpoint($url: String!, $enabledEvents: [String!]!) {
        createWebhookEndpoint(
          url: $url
          enabledEvents: $enabledEvents
          description: "Example receiver"
        ) {
          endpoint {
            id
          }
          secret
        }
      }
    `,
    { url, enabledEvents },
  );
  return { id: createWebhookEndpoint.endpoint.id, secret: createWebhookEndpoint.secret };
}

/**
 * Step 5b: verifies one delivery per Standard Webhooks — the `webhook-id`, `webhook-timestamp`
 * and `webhook-signature` headers over the raw body, with the endpoint's secret. Throws on a
 * bad signature or a timestamp more than five minutes off. Verify the body exactly as it came:
 * parsed and re-serialised JSON no longer matches its signature.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): DeliveredEvent {
  const flat = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );
  return new Webhook(secret).verify(rawBody, flat) as DeliveredEvent;
}

/**
 * A receiver as a platform's server would run it: 204 for what verifies (after handing it to
 * `onEvent`), 400 for anything else. Deliveries are at least once: dedupe on `event.id` (the
 * `webhook-id` header); a retried one may arrive after later ones, so order by `created`.
 * `secret` may be a function: the endpoint's secret is known only once it is created, with the
 * receiver's URL.
 */
export async function startWebhookReceiver(
  secret: string | (() => string),
  onEvent: (event: DeliveredEvent) => void,
  port = 0,
): Promise<{ url: string; stop(): Promise<void> }> {
  const seen = new Set<string>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let event: DeliveredEvent;
      try {
        const key = typeof secret === 'function' ? secret() : secret;
        event = verifyWebhook(key, Buffer.concat(chunks).toString('utf8'), request.headers);
      } catch {
        response.writeHead(400).end();
        return;
      }
      if (!seen.has(event.id)) {
        seen.add(event.id);
        onEvent(event);
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}/webhooks`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
