import { signCaller, type Caller } from '@dash/auth-context';
import { createPlatform } from '@dash/identity';
import { DEFAULT_FEE_SCHEDULE, ledgerInvariants, Charges } from '@dash/ledger';
import { createDataSource, type DataSourceOptions } from '@dash/db';
import { AccountDirectory, IdempotencyKeys, loadServiceConfig } from '@dash/subgraph';
import { identityService } from '@dash/identity';
import { ledgerService } from '@dash/ledger';
import { prepareIsolatedStackEnv } from '@dash/local-stack';
import {
  accountId,
  ACCOUNTS,
  bulkLoad,
  insertSessions,
  random,
  seedAccounts,
  TRANSACTIONS,
} from './ledger-data.js';
import { bufferPoolForRun } from './buffer-pool.js';
import { CpuTime, pidOf } from './cpu.js';
import { startProcess, type ServiceProcess } from './processes.js';
import { benchSetting, inParallel, percentile } from './stats.js';

/**
 * The ledger at scale: loads BENCH_TRANSACTIONS balance transactions (default 1,000,000) over
 * BENCH_ACCOUNTS accounts (10,000), then measures posting throughput (charges with every
 * invariant kept) and the latency of the dashboard's transactions, payments and earnings queries
 * at the ledger subgraph and through the gateway.
 */
const CHARGES = benchSetting('BENCH_CHARGES', 5_000);
const SAMPLES = benchSetting('BENCH_SAMPLES', 400);
/** Charges in flight at once, as many API clients would have. */
const CONCURRENCY = benchSetting('BENCH_CONCURRENCY', 16);
const DAY = 24 * 3600 * 1000;

process.env.LOG_LEVEL ??= 'silent';

/**
 * Latency of one query over many accounts, one request at a time: what a person waits for, not
 * how much the machine can take (the posting figures above are about that).
 */
async function measure(
  label: string,
  accounts: string[],
  send: (account: string) => Promise<Response>,
) {
  const times: number[] = [];
  let failures = 0;
  for (const account of accounts) {
    const started = performance.now();
    const response = await send(account);
    const body = (await response.json()) as { errors?: unknown };
    times.push(performance.now() - started);
    if (!response.ok || body.errors) failures += 1;
  }
  times.sort((a, b) => a - b);
  const row = {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
  console.log(
    `  ${label.padEnd(44)} p50 ${row.p50.toFixed(1).padStart(6)}  p95 ${row.p95.toFixed(1).padStart(6)}  p99 ${row.p99.toFixed(1).padStart(6)} ms${failures ? `  (${failures} failed)` : ''}`,
  );
  return row;
}

const QUERIES = {
  'transactions page (25 newest)':
    'balanceTransactions(first: 25) { nodes { id type amount net currency createdAt description } pageInfo { endCursor hasNextPage } }',
  'payments page (25 newest)':
    'payments(first: 25) { nodes { id amount status customer { email } createdAt } pageInfo { endCursor } }',
  'earnings, lifetime by month':
    'earnings(range: lifetime, currency: "usd", timeZone: "Europe/Paris") { total buckets { start net } }',
  'earnings, 7 days by day':
    'earnings(range: last_7_days, currency: "usd", timeZone: "Europe/Paris") { total previousTotal buckets { start net } }',
};

const prepared = await prepareIsolatedStackEnv('bench_ledger');
const env = prepared.env;
const keys = loadServiceConfig(ledgerService, env).internalSecret;
const database = (definition: { entities: DataSourceOptions['entities'] }, name: string) =>
  createDataSource({
    url: env.MYSQL_URL!,
    database: name,
    entities: definition.entities,
    migrations: [],
    poolSize: 40,
  });
const identityDb = database(identityService, env.DASH_IDENTITY_DATABASE!);
const ledger = database(ledgerService, env.DASH_LEDGER_DATABASE!);
await Promise.all([identityDb.initialize(), ledger.initialize()]);
const bufferPool = await bufferPoolForRun(ledger);
const processes: ServiceProcess[] = [];
try {
  // One process per service, as deployed; the load generator runs in this one.
  const identity = await startProcess('identity', env);
  processes.push(identity);
  const ledgerProcess = await startProcess('ledger', { ...env, DASH_IDENTITY_URL: identity.url });
  processes.push(ledgerProcess);
  const gateway = await startProcess('gateway', {
    ...env,
    DASH_IDENTITY_URL: identity.url,
    DASH_LEDGER_URL: ledgerProcess.url,
  });
  processes.push(gateway);

  const now = new Date();
  const { platform } = await createPlatform(identityDb, { name: 'Bench Rides' });
  await seedAccounts({ identity: identityDb, followers: [ledger] }, platform, now);

  console.log(
    `ledger benchmark: ${TRANSACTIONS.toLocaleString('en')} transactions over ${ACCOUNTS.toLocaleString('en')} accounts`,
  );
  console.log(`  ${bufferPool.description}`);
  let started = performance.now();
  await bulkLoad(ledger, platform.id, now);
  const loadS = (performance.now() - started) / 1000;
  console.log(
    `  loaded in ${loadS.toFixed(0)} s (${Math.round(TRANSACTIONS / loadS).toLocaleString('en')} transactions/s, with postings, payments, balances, rollup)`,
  );

  // Posting throughput: the live path (idempotency key, postings, balances, rollup) in one
  // transaction per charge, CONCURRENCY at a time, on random accounts.
  const movements = new Charges(
    ledger,
    new AccountDirectory(ledger, 'http://127.0.0.1:9/graphql', keys, 'ledger'),
    { feeSchedule: DEFAULT_FEE_SCHEDULE, availableDelayMs: 2 * DAY },
    new IdempotencyKeys(ledger),
  );
  const scope = { platformId: platform.id, livemode: false };
  const next = random(3);
  // Warm up first: connections opened, code paths compiled, as in a service that has been up.
  await inParallel(200, CONCURRENCY, async (index) => {
    await movements.createCharge(
      scope,
      { account: accountId(index % ACCOUNTS), amount: 900, currency: 'usd' },
      `warm-${index}`,
    );
  });
  const mariadb = pidOf('mariadbd') ?? pidOf('mysqld');
  const cpu = new CpuTime(
    new Map([
      ['this process', process.pid],
      // Relays the engine's events too, and serves the charges over HTTP below.
      ['ledger', ledgerProcess.pid],
      ...(mariadb ? [['MariaDB', mariadb] as [string, number]] : []),
    ]),
  );
  const perCharge = (before: Map<string, number>) =>
    [...cpu.perRound(before, CHARGES)]
      .map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`)
      .join(', ');
  let cpuBefore = cpu.snapshot();
  started = performance.now();
  await inParallel(CHARGES, CONCURRENCY, async (index) => {
    await movements.createCharge(
      scope,
      { account: accountId(Math.floor(next() * ACCOUNTS)), amount: 1_000 + index, currency: 'usd' },
      `bench-${index}`,
    );
  });
  const engineRate = CHARGES / ((performance.now() - started) / 1000);
  console.log(
    `  posting: ${Math.round(engineRate).toLocaleString('en')} charges/s (ledger engine, ${CONCURRENCY} concurrent, ${CHARGES.toLocaleString('en')} charges); CPU a charge: ${perCharge(cpuBefore)}`,
  );

  const platformCaller: Caller = {
    kind: 'platform',
    platformId: platform.id,
    livemode: false,
    keyId: 'bench',
  };
  const chargeOverHttp = async (key: string, amount: number, account: string) => {
    const response = await fetch(ledgerProcess.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dash-caller': signCaller(platformCaller, keys, { audience: 'ledger' }),
      },
      body: JSON.stringify({
        query:
          'mutation($input: ChargeInput!, $key: String!) { createCharge(input: $input, idempotencyKey: $key) { id } }',
        variables: { input: { account, amount, currency: 'usd' }, key },
      }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`createCharge failed: ${JSON.stringify(body.errors)}`);
  };
  // The same warm-up as the engine's: the service's code compiled and its pool open first.
  await inParallel(500, CONCURRENCY, (index) =>
    chargeOverHttp(`bench-api-warm-${index}`, 900, accountId(index % ACCOUNTS)),
  );
  cpuBefore = cpu.snapshot();
  started = performance.now();
  await inParallel(CHARGES, CONCURRENCY, (index) =>
    chargeOverHttp(`bench-api-${index}`, 1_000 + index, accountId(Math.floor(next() * ACCOUNTS))),
  );
  const apiRate = CHARGES / ((performance.now() - started) / 1000);
  console.log(
    `  posting: ${Math.round(apiRate).toLocaleString('en')} charges/s (createCharge over HTTP at the subgraph, ${CONCURRENCY} concurrent); CPU a charge: ${perCharge(cpuBefore)}`,
  );

  started = performance.now();
  const report = await ledgerInvariants(ledger);
  console.log(
    `  invariants after all of it: ${report.ok ? 'all hold' : JSON.stringify(report)} (checked in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  // The dashboard's own path: a signed-in browser's session cookie and `me`. Each sampled
  // account gets a session, used once before timing (a person's first request checks the session
  // with identity; the ones after find it in the gateway's cache).
  const sampled = (() => {
    const pick = random(99);
    return Array.from({ length: SAMPLES }, () => accountId(Math.floor(pick() * ACCOUNTS)));
  })();
  const sessions = await insertSessions(identityDb, [...new Set(sampled)], now);
  const atLedger = (account: string, selection: string) =>
    fetch(ledgerProcess.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dash-caller': signCaller(
          { kind: 'account', accountId: account, platformId: platform.id, livemode: false },
          keys,
          { audience: 'ledger' },
        ),
      },
      body: JSON.stringify({ query: `{ me { id ${selection} } }` }),
    });
  const viaGateway = (account: string, selection: string) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `dash_session=${sessions.get(account)}`,
      },
      body: JSON.stringify({ query: `{ me { id ${selection} } }` }),
    });
  for (const account of new Set(sampled)) await (await viaGateway(account, 'id')).json();

  console.log(`query latency, ${SAMPLES} requests each as signed-in accounts (me), one at a time:`);
  for (const [label, selection] of Object.entries(QUERIES)) {
    const subgraph = await measure(`${label} — subgraph`, sampled, (account) =>
      atLedger(account, selection),
    );
    const gatewayed = await measure(`${label} — gateway`, sampled, (account) =>
      viaGateway(account, selection),
    );
    console.log(
      `  ${''.padEnd(44)} gateway adds ${(gatewayed.p50 - subgraph.p50).toFixed(1)} ms at p50`,
    );
  }
  const memory = process.memoryUsage();
  console.log(`memory of the load generator: rss ${(memory.rss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  for (const child of processes.reverse()) await child.stop();
  await bufferPool.restore();
  await Promise.all([identityDb.destroy(), ledger.destroy()]);
  await prepared.cleanup();
}
