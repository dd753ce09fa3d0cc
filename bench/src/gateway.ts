import autocannon from 'autocannon';
import { prepareIsolatedStackEnv, startStack } from '@dash/local-stack';
import { benchSetting } from './stats.js';

/**
 * Load on the dashboard's first request: the balance card query through the gateway, which
 * plans it across identity and ledger and sums 300 transactions in MySQL. Prints throughput,
 * latency percentiles and the process's memory.
 */
const DURATION_S = benchSetting('BENCH_DURATION', 10);
const CONNECTIONS = benchSetting('BENCH_CONNECTIONS', 20);
const QUERY = '{ me { id displayName balances { currency available pending total } } }';

process.env.LOG_LEVEL ??= 'silent';
const prepared = await prepareIsolatedStackEnv('bench');
const startedAt = performance.now();
const stack = await startStack(prepared.env, { randomPorts: true });
const startMs = performance.now() - startedAt;
try {
  const body = JSON.stringify({ query: QUERY });
  const probe = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const probeJson = (await probe.json()) as { errors?: unknown };
  if (probeJson.errors) throw new Error(`query failed: ${JSON.stringify(probeJson.errors)}`);

  const result = await autocannon({
    url: stack.gatewayUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  const memory = process.memoryUsage();
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `stack start (5 subgraphs + worker + gateway + shell, after migrations): ${startMs.toFixed(0)} ms`,
  );
  console.log(
    `balance card query via gateway (${CONNECTIONS} connections, ${DURATION_S}s, whole stack in one process)`,
  );
  console.log(
    `  requests/s   mean ${result.requests.average.toFixed(0)}   total ${result.requests.total}`,
  );
  console.log(
    `  latency ms   p50 ${result.latency.p50}   p90 ${result.latency.p90}   p99 ${result.latency.p99}   max ${result.latency.max}`,
  );
  console.log(`  errors       ${result.errors}   non-2xx ${result.non2xx}`);
  console.log(`  memory MB    rss ${mb(memory.rss)}   heap used ${mb(memory.heapUsed)}`);
} finally {
  await stack.stop();
  await prepared.cleanup();
}
