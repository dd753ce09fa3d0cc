import { randomUUID } from 'node:crypto';
import os from 'node:os';
import autocannon from 'autocannon';
import { loadCoprocessorConfig, startCoprocessor } from '@dash/gateway';
import {
  DEMO_ACCOUNT,
  DEMO_TEST_KEY,
  prepareIsolatedStackEnv,
  startStack,
} from '@dash/local-stack';
import { benchSetting } from './stats.js';

/**
 * What authentication costs on each path, on one machine and one seeded stack: the Node
 * gateway serving an authenticated platform query whole, and the coprocessor doing what the
 * Router would ask of it for that same query — one RouterRequest, then one SubgraphRequest per
 * subgraph the plan calls (identity, then ledger). No Router binary runs here, so the Router's
 * own planning and fetching are not in these figures: only the coprocessor's share is.
 */
const DURATION_S = benchSetting('BENCH_DURATION', 10);
const CONNECTIONS = benchSetting('BENCH_CONNECTIONS', 20);
const QUERY = `{ account(id: "${DEMO_ACCOUNT.id}") { id displayName balances { currency available pending } } }`;
/** The subgraphs the query plan fetches from, in order. */
const PLAN = ['identity', 'ledger'] as const;
const AUTHORIZATION = `Bearer ${DEMO_TEST_KEY.secret}`;

process.env.LOG_LEVEL ??= 'silent';
const prepared = await prepareIsolatedStackEnv('bench_coproc');
// Request limits are a defence, not what is measured: at full speed one key would spend its
// per-minute budget within seconds and the rest of the run would measure refusals.
const UNLIMITED = String(1_000_000_000);
Object.assign(prepared.env, {
  DASH_RATE_LIMIT_PER_KEY: UNLIMITED,
  DASH_RATE_LIMIT_PER_SESSION: UNLIMITED,
  DASH_RATE_LIMIT_PER_ADDRESS: UNLIMITED,
});
const stack = await startStack(prepared.env, { randomPorts: true });
const identityUrl = stack.services.find((service) => service.name === 'identity')!.url;
const coprocessor = await startCoprocessor(
  loadCoprocessorConfig({
    ...prepared.env,
    DASH_COPROCESSOR_PORT: '0',
    DASH_IDENTITY_URL: identityUrl,
  }),
);

const routerRequest = (id: string) =>
  JSON.stringify({
    version: 1,
    stage: 'RouterRequest',
    control: 'continue',
    id,
    headers: {
      'content-type': ['application/json'],
      authorization: [AUTHORIZATION],
      'user-agent': ['bench'],
    },
    context: { entries: { 'accepts-json': true } },
  });
const subgraphRequest = (id: string, serviceName: string, context: unknown) =>
  JSON.stringify({
    version: 1,
    stage: 'SubgraphRequest',
    control: 'continue',
    id,
    subgraphRequestId: randomUUID(),
    headers: { 'content-type': ['application/json'] },
    context,
    serviceName,
  });

interface Figures {
  rps: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  failed: number;
}

const figuresOf = (result: autocannon.Result, failed: number): Figures => ({
  rps: result.requests.average,
  total: result.requests.total,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  failed: failed + result.errors + result.non2xx,
});

try {
  // The Node gateway: the whole query, authenticated by the same key.
  const body = JSON.stringify({ query: QUERY });
  const gatewayHeaders = { 'content-type': 'application/json', authorization: AUTHORIZATION };
  const probe = (await (
    await fetch(stack.gatewayUrl, { method: 'POST', headers: gatewayHeaders, body })
  ).json()) as { data?: { account?: { balances?: unknown[] } }; errors?: unknown };
  if (probe.errors || !probe.data?.account?.balances)
    throw new Error(`query failed: ${JSON.stringify(probe)}`);
  const gateway = figuresOf(
    await autocannon({
      url: stack.gatewayUrl,
      method: 'POST',
      headers: gatewayHeaders,
      body,
      connections: CONNECTIONS,
      duration: DURATION_S,
    }),
    0,
  );

  // The coprocessor: RouterRequest, then each SubgraphRequest with the context it answered.
  let failed = 0;
  type Flow = { id?: string; context?: unknown };
  const continued = (status: number, answer: string) => {
    if (status !== 200 || !answer.includes('"control":"continue"')) failed++;
  };
  const round = await autocannon({
    url: coprocessor.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, flow: Flow) => {
          flow.id = randomUUID();
          return { ...request, body: routerRequest(flow.id) };
        },
        onResponse: (status, answer, flow: Flow) => {
          continued(status, answer);
          flow.context = (JSON.parse(answer) as { context?: unknown }).context;
        },
      },
      ...PLAN.map((serviceName) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: autocannon.Request, flow: Flow) => ({
          ...request,
          body: subgraphRequest(flow.id!, serviceName, flow.context),
        }),
        onResponse: (status: number, answer: string) => continued(status, answer),
      })),
    ],
  });
  const calls = figuresOf(round, failed);
  const callsPerRound = 1 + PLAN.length;

  const cpu = os.cpus();
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}, ${new Date().toISOString()}`,
  );
  console.log(
    `authenticated platform query (API key; plan: ${PLAN.join(' → ')}), ${CONNECTIONS} connections, ${DURATION_S} s each, stack and coprocessor in this process`,
  );
  const row = (label: string, rps: string, figures: Figures) =>
    console.log(
      `  ${label.padEnd(44)} ${rps.padStart(10)}   p50 ${String(figures.p50).padStart(4)} ms   p90 ${String(figures.p90).padStart(4)} ms   p99 ${String(figures.p99).padStart(4)} ms   failed ${figures.failed}`,
    );
  console.log(`  ${''.padEnd(44)} ${'per second'.padStart(10)}`);
  row('Node gateway: whole query', gateway.rps.toFixed(0), gateway);
  row(
    `coprocessor: auth round trips (${callsPerRound} calls each)`,
    (calls.rps / callsPerRound).toFixed(0),
    calls,
  );
  console.log(
    `  coprocessor calls/s ${calls.rps.toFixed(0)} (latency figures above are per call; a round trip is ${callsPerRound} calls in a row)`,
  );
} finally {
  await coprocessor.stop();
  await stack.stop();
  await prepared.cleanup();
}
