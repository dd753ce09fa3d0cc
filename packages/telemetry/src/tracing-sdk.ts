import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { TracingOptions } from './tracing.js';

/** The started SDK: the part's spans, exported where TracingOptions and OTEL_* say. */
export function createTracingSdk(
  options: TracingOptions,
  env: Record<string, string | undefined>,
): NodeSDK {
  // Metrics are Prometheus' (/metrics); the SDK exports traces only unless told otherwise.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? `dash-${options.part}`,
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would be most of the spans and tell nothing.
        ignoreIncomingRequestHook: (request) =>
          /^\/(health|ready|metrics)(\?|$)/.test(request.url ?? ''),
      }),
      // Node's fetch: the gateway's subgraph calls and every service-to-service call carry the
      // traceparent of the request that made them.
      new UndiciInstrumentation(),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new MySQL2Instrumentation(),
      new IORedisInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}
