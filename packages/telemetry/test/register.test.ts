import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** An OTLP/HTTP (JSON) receiver: what a collector would get from the part. */
const received: Array<{ resourceSpans: unknown[] }> = [];
const receiver = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    if (request.url === '/v1/traces') received.push(JSON.parse(body));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** A stand-in part: an ES module that imports express after the preload, serves one request. */
const PART = `
import express from 'express';
const app = express();
app.get('/hello', (_req, res) => res.json({ ok: true }));
const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  await fetch('http://127.0.0.1:' + port + '/hello', {
    headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  });
  server.close();
  // What stopOnSignals does on shutdown: the spans still buffered are sent.
  const { stopTracing } = await import('@dash/telemetry');
  await stopTracing();
});
`;

function runPart(env: Record<string, string>) {
  return new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', '@dash/telemetry/register', '--input-type=module', '-e', PART],
      { cwd: new URL('..', import.meta.url), env: { ...process.env, ...env }, stdio: 'inherit' },
    );
    child.on('exit', resolve);
  });
}

describe('the preload', () => {
  it('exports the spans of a part by OTLP when an endpoint is set, continuing the caller trace', async () => {
    const code = await runPart({
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
      DASH_PART: 'example',
    });
    expect(code).toBe(0);
    const text = JSON.stringify(received);
    expect(text).toContain('"dash-example"');
    expect(text).toContain('0af7651916cd43dd8448eb211c80319c');
    expect(text).toContain('@opentelemetry/instrumentation-express');
  });

  it('sends nothing when no endpoint is set', async () => {
    received.length = 0;
    expect(await runPart({ OTEL_EXPORTER_OTLP_ENDPOINT: '', DASH_PART: 'example' })).toBe(0);
    expect(received).toEqual([]);
  });
});
