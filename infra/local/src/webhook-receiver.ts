import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

interface DeliveredEvent {
  id: string;
  type: string;
  account: string | null;
  data: { object: { id?: string; amount?: number; currency?: string } };
}

const describe = (event: DeliveredEvent) => {
  const { id, amount, currency } = event.data.object;
  const money = amount !== undefined && currency ? ` ${amount} ${currency}` : '';
  return `${event.type.padEnd(32)} ${event.id}  ${event.account ?? ''} ${id ?? ''}${money}`;
};

/**
 * The demo platform's server, as a newcomer would write it: it verifies each webhook with the
 * Standard Webhooks library and prints it, so events show up as the dashboard is clicked through.
 * Answers 204 to what verifies, 400 to anything else.
 */
export async function startDemoWebhookReceiver(
  secret: string,
  port: number,
  print: (line: string) => void = (line) => console.log(line),
) {
  const verifier = new Webhook(secret);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const event = verifier.verify(
          Buffer.concat(chunks).toString('utf8'),
          request.headers as Record<string, string>,
        ) as DeliveredEvent;
        print(`  webhook ✓ ${describe(event)}`);
        response.writeHead(204).end();
      } catch (error) {
        print(`  webhook ✗ refused: ${(error as Error).message}`);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}/webhooks`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
