import { trace } from '@opentelemetry/api';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { BullMQOtel } from 'bullmq-otel';

export interface TracingOptions {
  /** The part's name in traces (`service.name`), unless OTEL_SERVICE_NAME says otherwise. */
  part: string;
  /** Where spans go; by default the OTLP exporter the standard OTEL_* variables configure. */
  spanProcessors?: SpanProcessor[];
  env?: Record<string, string | undefined>;
}

let sdk: NodeSDK | undefined;

/**
 * Is tracing asked for? Only when an OTLP endpoint is configured (the standard
 * OTEL_EXPORTER_OTLP_ENDPOINT or its traces-only variant) and OTEL_SDK_DISABLED is not set: a
 * process with nowhere to send spans does not make them.
 */
export function tracingConfigured(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry for this process: spans for incoming and outgoing HTTP (fetch included), Express routes,
 * GraphQL operations, MySQL queries and Redis commands, continued from a caller's W3C
 * `traceparent`. The instrumentations patch modules as they load, so this must run before the
 * part imports anything else (see register.ts). Returns false when tracing is not asked for.
 */
export function startTracing(options: TracingOptions): boolean {
  const env = options.env ?? process.env;
  if (sdk) return true;
  if (!options.spanProcessors && !tracingConfigured(env)) return false;
  // Metrics are Prometheus' (/metrics); the SDK exports traces only unless told otherwise.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  sdk = new NodeSDK({
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
  return true;
}

/** Flushes the spans still buffered and stops tracing (on shutdown). */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}

/** Is this process making spans? */
export const tracingStarted = (): boolean => sdk !== undefined;

/**
 * BullMQ's telemetry for queues and workers while tracing runs: a job carries the trace of the
 * request that queued it, and its processing is a span of that trace. Undefined otherwise, so
 * jobs carry no tracing metadata for nothing.
 */
export function queueTelemetry(): BullMQOtel | undefined {
  return sdk ? new BullMQOtel({ tracerName: 'dash-queue' }) : undefined;
}

/** The tracer our own code uses for spans of its own. */
export const tracer = () => trace.getTracer('dash');
