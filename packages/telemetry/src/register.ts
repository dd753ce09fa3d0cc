/**
 * Preload for every part: `node --import @dash/telemetry/register <part>/dist/main.js` (or
 * NODE_OPTIONS="--import @dash/telemetry/register"). It runs before the part's first import, so
 * the instrumentations can patch express, graphql, mysql2 and ioredis as they load: the loader
 * hook covers ES modules, the require hook CommonJS ones. Nothing happens unless an OTLP endpoint
 * is configured (OTEL_EXPORTER_OTLP_ENDPOINT, see tracingConfigured).
 */
import { register } from 'node:module';
import { startTracing, tracingConfigured } from './tracing.js';

/** The part this process runs, from DASH_PART or the entry file's folder (services/ledger → ledger). */
function partOfThisProcess(): string {
  if (process.env.DASH_PART) return process.env.DASH_PART;
  const entry = process.argv[1] ?? '';
  const match = /(?:services\/([^/]+)|(gateway)|(shell)|infra\/([^/]+))\/dist\//.exec(entry);
  return match?.slice(1).find(Boolean) ?? 'unknown';
}

if (tracingConfigured()) {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  await startTracing({ part: partOfThisProcess() });
}
