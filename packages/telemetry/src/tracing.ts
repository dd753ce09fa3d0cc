import { trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
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
 *
 * The SDK and its instrumentations are imported only here: a process that makes no spans does
 * not carry them (about 50 MB of resident memory and a slower start in every part).
 */
export async function startTracing(options: TracingOptions): Promise<boolean> {
  const env = options.env ?? process.env;
  if (sdk) return true;
  if (!options.spanProcessors && !tracingConfigured(env)) return false;
  const { createTracingSdk } = await import('./tracing-sdk.js');
  sdk ??= createTracingSdk(options, env);
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
