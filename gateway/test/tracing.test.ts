import { register } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, SpanKind } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '@dash/telemetry';

// As in a part's preload (@dash/telemetry/register): tracing starts before the servers' modules
// load, so the instrumentations patch them; the servers are imported only after.
const exporter = new InMemorySpanExporter();
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
await startTracing({ part: 'gateway', spanProcessors: [new SimpleSpanProcessor(exporter)] });

const { identityService } = await import('@dash/identity');
const { startTestService } = await import('@dash/subgraph/testing');
const { deleteRedisPrefix, testRedisPrefix, testRedisUrl } = await import('@dash/testing');
const { bearer, platformWithAccount, startTestGateway } = await import('./support.js');

const redisPrefix = testRedisPrefix('gateway-tracing');
let identity: Awaited<ReturnType<typeof startTestService>>;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let secret = '';

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: redisPrefix });
  gateway = await startTestGateway({ identity: identity.url }, redisPrefix);
  ({ secret } = await platformWithAccount(identity, 'Traced', 'acct_traced'));
});

afterAll(async () => {
  await gateway?.stop();
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), redisPrefix);
  await stopTracing();
});

/** A traceparent as the browser's GraphQL client makes one (@dash/web-kit's newTraceparent). */
const hex = (bytes: number) =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');

describe('one trace from the browser to the database', () => {
  it('continues the browser traceparent through the gateway and the subgraph into SQL', async () => {
    const traceId = hex(16);
    const browserSpanId = hex(8);
    exporter.reset();
    // Sent as the browser sends it: by a client that is not traced itself (this process's fetch
    // is instrumented, so its own tracing is suppressed for this call).
    const send = () =>
      fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          traceparent: `00-${traceId}-${browserSpanId}-01`,
          ...bearer(secret),
        },
        body: JSON.stringify({ query: 'query TracedKeys { apiKeys { id } }' }),
      });
    const response = await context.with(suppressTracing(context.active()), send);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const spans = exporter
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === traceId);
    const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
    const ports = servers.map((span) =>
      String(span.attributes['server.port'] ?? span.attributes['net.host.port']),
    );
    // The gateway's span is the browser's child; the subgraph's is inside the same trace.
    const gatewayPort = String(new URL(gateway.url).port);
    const identityPort = String(new URL(identity.url).port);
    expect(ports).toContain(gatewayPort);
    expect(ports).toContain(identityPort);
    const gatewaySpan = servers.find((span) => ports[servers.indexOf(span)] === gatewayPort)!;
    expect(gatewaySpan.parentSpanContext?.spanId).toBe(browserSpanId);
    const sql = spans.filter(
      (span) =>
        span.attributes['db.system'] === 'mysql' || span.attributes['db.system.name'] === 'mysql',
    );
    expect(sql.length).toBeGreaterThan(0);
    // Nothing of the request escaped into a trace of its own.
    expect(
      exporter
        .getFinishedSpans()
        .filter((span) => span.kind === SpanKind.SERVER && span.spanContext().traceId !== traceId)
        .filter((span) =>
          [gatewayPort, identityPort].includes(
            String(span.attributes['server.port'] ?? span.attributes['net.host.port']),
          ),
        ),
    ).toEqual([]);
  });
});
