import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook as the receiver got it. */
export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/**
 * A platform's server for the tests: records every POST, and answers each path as told — a
 * status, failures before success, or a delay.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const failuresLeft = new Map<string, number>();
  const statusOf = new Map<string, number>();
  const delayOf = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({
        path,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      const answer = () => {
        const left = failuresLeft.get(path) ?? 0;
        if (left > 0) {
          failuresLeft.set(path, left - 1);
          response.writeHead(500).end('receiver is down for now');
          return;
        }
        response.writeHead(statusOf.get(path) ?? 200).end('{"received":true}');
      };
      const delay = delayOf.get(path);
      if (delay) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    port,
    received,
    on: (path: string) => received.filter((webhook) => webhook.path === path),
    failFirst: (path: string, count: number) => failuresLeft.set(path, count),
    answer: (path: string, status: number) => statusOf.set(path, status),
    delay: (path: string, ms: number) => delayOf.set(path, ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
