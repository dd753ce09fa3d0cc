import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellBefore } from './support.js';

/** Stands in for the gateway: answers with the request-id headers the shell forwarded. */
const upstream = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      requestId: req.headers['x-request-id'] ?? null,
      offered: req.headers['request-id'] ?? null,
      traceparent: req.headers.traceparent ?? null,
    }),
  );
});

let base = '';
let stopShell: () => Promise<void>;

beforeAll(async () => {
  ({ base, stop: stopShell } = await startShellBefore(upstream));
});
afterAll(() => stopShell());

describe('shell observability', () => {
  it('names each request, answers the id, and hands the same id to the gateway', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      // A browser cannot choose the id the gateway and subgraphs log under.
      headers: { 'request-id': 'chosen-by-browser', 'x-request-id': 'also-chosen', traceparent },
      body: '{}',
    });
    const requestId = response.headers.get('request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ requestId, offered: null, traceparent });
  });

  it('serves its metrics, labelled shell, and a Request-Id on pages and 404s', async () => {
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toMatch(/^process_resident_memory_bytes\{part="shell"\} \d+/m);
    const missing = await fetch(`${base}/apps/nothing/missing.js`);
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { error: { requestId: string } };
    expect(body.error.requestId).toBe(missing.headers.get('request-id'));
  });
});
