import { createDataSource, type DataSourceOptions } from '@dash/db';
import { createPlatform, identityService } from '@dash/identity';
import { ledgerInvariants, ledgerService } from '@dash/ledger';
import { prepareIsolatedStackEnv } from '@dash/local-stack';
import { createShellServer, loadShellConfig } from '@dash/shell';
import { coldLoads, launchChromium, recordHomePage, unbatched } from './home-page.js';
import {
  ACCOUNTS,
  bulkLoad,
  insertSessions,
  random,
  seedAccounts,
  TRANSACTIONS,
} from './ledger-data.js';
import { describeLoad, loadRun, type LoadOptions, type LoadResult, type Round } from './load.js';
import { PeakMemory } from './memory.js';
import { BenchReadCache } from './read-cache.js';
import { bufferPoolForRun } from './buffer-pool.js';
import { CpuTime, pidOf } from './cpu.js';
import { ServerWork } from './server-work.js';
import { startProcess, startSubgraphs, type ServiceProcess } from './processes.js';
import { benchSetting } from './stats.js';

/**
 * The dashboard as its users and platforms meet it, on the ledger benchmark's data set: every
 * subgraph, our gateway and Hive Gateway each in a process of its own; the home page's requests
 * as the real front end sends them (recorded in Chromium) under load from many signed-in
 * browsers; a platform's cross-subgraph account query; createCharge; the home page's JavaScript
 * and first paint in a cold Chromium; each process's memory. Ours and Hive Gateway's side by
 * side, then every figure against its target. It is a report: it exits 0 whatever the figures.
 */
const CONNECTIONS = benchSetting('BENCH_CONNECTIONS', 50);
const SESSIONS = benchSetting('BENCH_SESSIONS', 2_000);
const WARMUP_S = benchSetting('BENCH_WARMUP', 5);
const DURATION_S = benchSetting('BENCH_DURATION', 20);
const COLD_RUNS = benchSetting('BENCH_COLD_RUNS', 5);
/** Load rounds per gateway in the home and account(id) phases. */
const ROUNDS = benchSetting('BENCH_ROUNDS', 2);
/**
 * Charges in flight, each tried on both gateways; each side's best is its figure. A platform at
 * 1,000 charges a second whose charges take 100–200 ms has 100–200 in flight (Little's law), and
 * at 100 the round is bound by its own latency as much as by the servers.
 */
const CHARGE_CONCURRENCIES = (process.env.BENCH_CHARGE_CONCURRENCY ?? '50,100,200')
  .split(',')
  .map(Number);
/** `off` replays each operation of the recorded page as a request of its own (see unbatched). */
const HOME_BATCHING = process.env.BENCH_HOME_BATCHING !== 'off';
/** Home pages a second the browsers open together when the latency target is measured. */
const HOME_PACE = benchSetting('BENCH_HOME_PACE', 150);
/** Which load phases run (all by default): a team working on one of them measures it alone. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'home,platform,charges').split(','));
/** Far above any real client's, so only the machine limits the load. */
const UNLIMITED = '100000000';

const PLATFORM_QUERY = `query PlatformAccount($id: ID!) {
  account(id: $id) {
    id
    displayName
    balances { currency available pending total }
    balanceTransactions(first: 10) { nodes { id type amount net currency createdAt } pageInfo { endCursor hasNextPage } }
    payouts(first: 5) { nodes { id amount currency status arrivalDate } }
    disputesNeedingResponse
    unreadActivityCount
  }
}`;
const CREATE_CHARGE = `mutation CreateCharge($input: ChargeInput!, $key: String!) {
  createCharge(input: $input, idempotencyKey: $key) { id }
}`;

/** One of a load's units: a page, a query, a charge. */
const unitName = (unit: string) => (unit === 'queries' ? 'query' : unit.replace(/s$/, ''));

process.env.LOG_LEVEL ??= 'silent';

const prepared = await prepareIsolatedStackEnv('bench_dash');
// Only real sessions open the dashboard (no development account), and request limits are lifted
// for the run: every browser of the load comes from one address.
const {
  DASH_DEV_ACCOUNT_ID: _devAccount,
  DASH_DEV_PLATFORM_ID: _devPlatform,
  ...preparedEnv
} = prepared.env;
const env: Record<string, string> = {
  ...preparedEnv,
  DASH_RATE_LIMIT_PER_KEY: UNLIMITED,
  DASH_RATE_LIMIT_PER_SESSION: UNLIMITED,
  DASH_RATE_LIMIT_PER_ADDRESS: UNLIMITED,
};
const database = (entities: DataSourceOptions['entities'], name: string) =>
  createDataSource({ url: env.MYSQL_URL!, database: name, entities, migrations: [], poolSize: 8 });
const identityDb = database(identityService.entities, env.DASH_IDENTITY_DATABASE!);
const ledgerDb = database(ledgerService.entities, env.DASH_LEDGER_DATABASE!);
// Only written with plain SQL: what identity's events leave in these services.
const followers = [
  ledgerDb,
  database([], env.DASH_PAYOUTS_DATABASE!),
  database([], env.DASH_DISPUTES_DATABASE!),
  database([], env.DASH_NOTIFICATIONS_DATABASE!),
];
const databases = [identityDb, ...followers];
await Promise.all(databases.map((db) => db.initialize()));
const bufferPool = await bufferPoolForRun(ledgerDb);
const processes: ServiceProcess[] = [];
/** The shell and Chromium, closed once done with or when the run fails. */
const closeLater: Array<() => Promise<void>> = [];
let closeAtExit = () => {};
try {
  const { subgraphs, env: withSubgraphs } = await startSubgraphs(env);
  processes.push(...subgraphs.values());
  const ours = await startProcess('gateway', withSubgraphs);
  processes.push(ours);
  const hive = await startProcess('hive-gateway', withSubgraphs);
  processes.push(hive);
  const gateways = { ours, hive };
  const readCache = new BenchReadCache(env.REDIS_URL!, env.DASH_REDIS_PREFIX!, ours.url);
  const serverWork = new ServerWork(ledgerDb, env.REDIS_URL!);
  closeAtExit = () => {
    readCache.close();
    serverWork.close();
  };
  const parts = new Map([
    ...[...subgraphs].map(([name, child]) => [`${name} subgraph`, child.pid] as const),
    ['our gateway', gateways.ours.pid],
    ['Hive Gateway', gateways.hive.pid],
    ['load generator + shell', process.pid],
  ]);
  const memory = new PeakMemory(parts);
  const cpu = new CpuTime(
    new Map([
      ...parts,
      ...(['mariadbd', 'redis-server'] as const).flatMap((program) => {
        const pid = pidOf(program);
        return pid ? [[program, pid] as const] : [];
      }),
    ]),
  );

  console.log(
    `dashboard benchmark: ${TRANSACTIONS.toLocaleString('en')} transactions over ${ACCOUNTS.toLocaleString('en')} accounts, ${SESSIONS.toLocaleString('en')} signed in`,
  );
  console.log(`  processes: ${[...parts].map(([name, pid]) => `${name} ${pid}`).join(', ')}`);
  console.log(`  ${bufferPool.description}`);
  const now = new Date();
  let started = performance.now();
  const { platform, testSecret } = await createPlatform(identityDb, { name: 'Bench Rides' });
  const ids = await seedAccounts({ identity: identityDb, followers }, platform, now);
  await bulkLoad(ledgerDb, platform.id, now);
  const signedIn = (() => {
    const pick = random(99);
    const shuffled = [...ids];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(pick() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled.slice(0, Math.min(SESSIONS, shuffled.length));
  })();
  const sessions = await insertSessions(identityDb, signedIn, now);
  console.log(`  data loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  /** Where a round's CPU went, busiest first; parts under 0.01 ms are left out. */
  const describeCpu = (perRound: Map<string, number>, unit: string) =>
    `    CPU per ${unitName(unit)}: ${[...perRound]
      .filter(([, ms]) => ms >= 0.01)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => `${name.replace(/ subgraph$/, '')} ${ms.toFixed(2)}`)
      .join(', ')} ms`;
  const ratio = (ours: LoadResult, hive: LoadResult) =>
    hive.roundsPerSecond > 0 ? `${(ours.roundsPerSecond / hive.roundsPerSecond).toFixed(2)}×` : '—';
  const printErrors = (result: LoadResult) => {
    for (const example of result.examples) console.log(`    error: ${example}`);
  };
  /** One load run under memory sampling, printed with the CPU each part spent per round. */
  const measured = async (
    label: string,
    unit: string,
    url: string,
    options: Omit<LoadOptions, 'onMeasuring'>,
  ) => {
    let cpuFrom = new Map<string, number>();
    let workFrom: Promise<Awaited<ReturnType<ServerWork['snapshot']>>> | undefined;
    const result = await memory.sampling(() =>
      loadRun(url, {
        ...options,
        onMeasuring: () => {
          cpuFrom = cpu.snapshot();
          workFrom = serverWork.snapshot();
        },
      }),
    );
    const cpuPerRound = cpu.perRound(cpuFrom, result.rounds);
    console.log(describeLoad(label, result, unit));
    console.log(describeCpu(cpuPerRound, unit));
    console.log(await serverWork.describe(await workFrom!, result.rounds, unitName(unit)));
    console.log(
      `    peak RSS in this round: ${[...memory.roundPeaksMb()]
        .filter(([name]) => name.endsWith('subgraph'))
        .map(([name, mb]) => `${name.replace(/ subgraph$/, '')} ${mb.toFixed(0)}`)
        .join(', ')} MB`,
    );
    printErrors(result);
    return result;
  };
  /** An our-gateway run, then the share of its cacheable requests the read cache answered. */
  const withCacheShare = async (state: string, run: () => Promise<LoadResult>) => {
    const before = await readCache.counts();
    const result = await run();
    const after = await readCache.counts();
    const hits = after.hits - before.hits;
    const asked = after.asked - before.asked;
    console.log(
      `    read cache (${state} before the round): ${asked > 0 ? ((100 * hits) / asked).toFixed(0) : 0}% of ${asked} cacheable requests answered from it`,
    );
    return result;
  };
  const compare = async (
    title: string,
    unit: string,
    options: { clients: number; warmupS: number; durationS: number },
    next: (round: number) => (client: number) => Round,
  ) => {
    console.log(`${title}; the better of ${ROUNDS} interleaved rounds each`);
    const results = {} as Record<'ours' | 'hive', LoadResult>;
    // Rounds alternate between the gateways, so a disturbance of the shared machine (a
    // background flush, the database settling after the load) does not fall on one side only.
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const gateway of ['ours', 'hive'] as const) {
        const label = `${gateway === 'ours' ? 'ours' : 'Hive'}#${round}`;
        // Each round its own random accounts, the same for both gateways.
        const run = () =>
          measured(label, unit, gateways[gateway].url, { ...options, next: next(round) });
        let result: LoadResult;
        if (gateway === 'ours') {
          await readCache.empty();
          result = await withCacheShare('emptied', run);
        } else result = await run();
        // Errors of every round count, whichever round is kept.
        const errors = (results[gateway]?.errors ?? 0) + result.errors;
        if (!results[gateway] || result.roundsPerSecond > results[gateway].roundsPerSecond)
          results[gateway] = result;
        results[gateway].errors = errors;
      }
    }
    console.log(`  ours / Hive: ${ratio(results.ours, results.hive)}`);
    return results;
  };

  /** A figure against its target; `pass` is left out of a figure printed only to be read. */
  type SummaryRow = [
    figure: string,
    target: string,
    ours: string,
    hive: string,
    pass: boolean | undefined,
  ];
  const rows: SummaryRow[] = [];
  let errorsIn = 0;
  const fixed = (value: number, digits = 0) =>
    Number.isFinite(value) ? value.toFixed(digits) : '—';

  if (PHASES.has('home')) {
    // The home page as the front end of this checkout asks for it.
    const shell = createShellServer(
      loadShellConfig({
        NODE_ENV: 'test',
        DASH_SHELL_HOST: '127.0.0.1',
        DASH_SHELL_PORT: '0',
        DASH_GATEWAY_URL: gateways.ours.url,
      }),
    );
    const { url: shellUrl } = await shell.start();
    closeLater.push(() => shell.stop());
    const browser = await launchChromium();
    closeLater.push(() => browser.close());
    const firstToken = sessions.get(signedIn[0]!)!;
    const recorded = await recordHomePage(browser, shellUrl, firstToken);
    const home = HOME_BATCHING ? recorded : unbatched(recorded);
    console.log(
      `home page (recorded in Chromium${HOME_BATCHING ? '' : ', replayed unbatched'}): ${home.requests.length} GraphQL requests — ${home.requests.map((request) => request.operationName).join(', ')}`,
    );
    for (const error of home.errors) console.log(`  error on the page: ${error}`);
    if (home.requests.length === 0)
      throw new Error('The home page sent no GraphQL request: was the session refused?');
    const cold = await coldLoads(browser, shellUrl, firstToken, COLD_RUNS);
    console.log(
      `home page in Chromium, cold cache, median of ${COLD_RUNS}: JavaScript ${(cold.scriptBytes / 1024).toFixed(1)} KB transferred, first contentful paint ${cold.firstContentfulPaintMs.toFixed(0)} ms`,
    );
    console.log(
      `  runs: ${cold.runs.map((run) => `${(run.scriptBytes / 1024).toFixed(0)} KB / ${run.firstContentfulPaintMs.toFixed(0)} ms`).join(', ')}`,
    );
    for (const close of closeLater.splice(0).reverse()) await close();

    // Both gateways answer the same for the same account, and another account's answers differ:
    // the comparison below is between two gateways doing the same work.
    const answer = async (url: string, body: string, headers: Record<string, string>) =>
      JSON.stringify(
        ((await (await fetch(url, { method: 'POST', headers, body })).json()) as { data?: unknown })
          .data ?? null,
      );
    const parity: string[] = [];
    let firstDifference = '';
    for (const account of signedIn.slice(0, 2)) {
      const headers = {
        'content-type': 'application/json',
        ...home.headers,
        cookie: `dash_session=${sessions.get(account)}`,
      };
      for (const request of home.requests) {
        const [ours, hive] = await Promise.all([
          answer(gateways.ours.url, request.body, headers),
          answer(gateways.hive.url, request.body, headers),
        ]);
        if (ours === hive) continue;
        parity.push(`${request.operationName} (${account})`);
        firstDifference ||= `ours ${ours.slice(0, 300)}\n    Hive ${hive.slice(0, 300)}`;
      }
    }
    console.log(
      parity.length === 0
        ? 'ours and Hive Gateway answer the home page with the same data (2 accounts)'
        : `ours and Hive Gateway answer differently: ${parity.join(', ')}\n    ${firstDifference}`,
    );

    // Home: each browser signs in as a random one of the signed-in accounts each time.
    const homeHeaders = signedIn.map((id) => ({
      'content-type': 'application/json',
      ...home.headers,
      cookie: `dash_session=${sessions.get(id)}`,
    }));
    /** Home pages on random signed-in accounts, drawn in the order `seed` gives. */
    const homePages = (seed: number) => {
      const pick = random(seed);
      return () => ({
        requests: home.requests,
        headers: homeHeaders[Math.floor(pick() * homeHeaders.length)]!,
      });
    };
    const homeResults = await compare(
      `home page load: ${CONNECTIONS} browsers, ${DURATION_S} s after ${WARMUP_S} s warm-up, ${home.requests.length} requests at once per page, random accounts of ${signedIn.length}`,
      'pages',
      { clients: CONNECTIONS, warmupS: WARMUP_S, durationS: DURATION_S },
      (round) => homePages(5 + 100 * round),
    );

    // The latency target is a latency at the target's load: the same browsers opening
    // HOME_PACE pages a second between them, each on its own schedule. (A closed loop has no
    // load of its own — it offers whatever the servers can take — so its latency is the queue
    // it builds: 50 browsers over N pages/s wait 50 / N seconds a page, whatever the servers.)
    // It is the latency of the dashboard running along, so the read cache is not emptied: it
    // holds what the rounds above left in it and is still valid (answers of accounts whose
    // money has not moved, within their TTL), as a cache in use does. From an emptied cache
    // the first seconds at this rate run at the stack's capacity (the first closed round above
    // is that case), and the queue they build is a cold start's, not the running latency.
    const pacedOptions = {
      clients: CONNECTIONS,
      warmupS: WARMUP_S,
      durationS: DURATION_S,
      roundsPerSecond: HOME_PACE,
    };
    console.log(
      `home page load at ${HOME_PACE} pages/s: the same ${CONNECTIONS} browsers, each opening a page every ${((1000 * CONNECTIONS) / HOME_PACE).toFixed(0)} ms (latency counted from when its page was due), ${DURATION_S} s after ${WARMUP_S} s warm-up`,
    );
    // The same accounts in the same order for both gateways.
    const pacedRound = () => homePages(7);
    const paced = {
      ours: await withCacheShare('as the rounds above left it', () =>
        measured('ours', 'pages', gateways.ours.url, { ...pacedOptions, next: pacedRound() }),
      ),
      hive: await measured('Hive', 'pages', gateways.hive.url, {
        ...pacedOptions,
        next: pacedRound(),
      }),
    };
    // Printed beside it, not held against the target: ours at the same load from an emptied
    // cache, a cold start's queue (Hive Gateway has no cache: its round above is already that).
    await readCache.empty();
    const pacedCold = await withCacheShare('emptied', () =>
      measured('ours, cold', 'pages', gateways.ours.url, { ...pacedOptions, next: pacedRound() }),
    );

    errorsIn +=
      home.errors.length +
      homeResults.ours.errors +
      homeResults.hive.errors +
      paced.ours.errors +
      paced.hive.errors +
      pacedCold.errors;
    rows.push(
      [
        'home pages/s',
        '≥ 150',
        fixed(homeResults.ours.roundsPerSecond, 1),
        fixed(homeResults.hive.roundsPerSecond, 1),
        homeResults.ours.roundsPerSecond >= 150,
      ],
      [
        `home p95 per request at ${HOME_PACE} pages/s (ms)`,
        '≤ 100',
        fixed(paced.ours.p95, 1),
        fixed(paced.hive.p95, 1),
        HOME_PACE >= 150 && paced.ours.p95 <= 100,
      ],
      [
        `home p95 at ${HOME_PACE} pages/s, cache emptied (ms)`,
        '',
        fixed(pacedCold.p95, 1),
        '',
        undefined,
      ],
      [
        'home p95 per request, closed loop (ms)',
        '',
        fixed(homeResults.ours.p95, 1),
        fixed(homeResults.hive.p95, 1),
        undefined,
      ],
      [
        'home throughput, ours / Hive',
        '≥ 1.5×',
        ratio(homeResults.ours, homeResults.hive),
        '',
        homeResults.hive.roundsPerSecond > 0 &&
          homeResults.ours.roundsPerSecond >= 1.5 * homeResults.hive.roundsPerSecond,
      ],
      [
        'home JavaScript transferred, cold (KB)',
        '≤ 150',
        fixed(cold.scriptBytes / 1024, 1),
        '',
        cold.scriptBytes <= 150 * 1024,
      ],
      [
        'home first contentful paint, cold (ms)',
        '≤ 500',
        fixed(cold.firstContentfulPaintMs),
        '',
        cold.firstContentfulPaintMs <= 500,
      ],
    );
  }

  const platformHeaders = {
    'content-type': 'application/json',
    authorization: `Bearer ${testSecret}`,
  };
  if (PHASES.has('platform')) {
    // A platform's server: one cross-subgraph query per account, across all its accounts.
    // Built before the load, one per account, so the generator allocates nothing per request.
    const platformRounds: Round[] = ids.map((id) => ({
      requests: [
        {
          operationName: 'PlatformAccount',
          body: JSON.stringify({ query: PLATFORM_QUERY, variables: { id } }),
        },
      ],
      headers: platformHeaders,
    }));
    const platformResults = await compare(
      `platform account(id) (identity, ledger, payouts, disputes, notifications): ${CONNECTIONS} connections, random accounts of ${ids.length}`,
      'queries',
      { clients: CONNECTIONS, warmupS: WARMUP_S, durationS: DURATION_S },
      (round) => {
        const pick = random(11 + 100 * round);
        return () => platformRounds[Math.floor(pick() * platformRounds.length)]!;
      },
    );
    errorsIn += platformResults.ours.errors + platformResults.hive.errors;
    rows.push([
      'platform account(id) requests/s',
      '≥ 600',
      fixed(platformResults.ours.roundsPerSecond),
      fixed(platformResults.hive.roundsPerSecond),
      platformResults.ours.roundsPerSecond >= 600,
    ]);
  }

  if (PHASES.has('charges')) {
    // createCharge with the platform's key: distinct idempotency keys, random accounts.
    let chargeNumber = 0;
    const chargeRound = () => {
      const pick = random(13);
      return () => ({
        requests: [
          {
            operationName: 'CreateCharge',
            body: JSON.stringify({
              query: CREATE_CHARGE,
              variables: {
                input: {
                  account: ids[Math.floor(pick() * ids.length)],
                  amount: 2_000,
                  currency: 'usd',
                },
                key: `bench-charge-${(chargeNumber += 1)}`,
              },
            }),
          },
        ],
        headers: platformHeaders,
      });
    };
    const chargeWindow = { warmupS: WARMUP_S, durationS: Math.max(3, DURATION_S / 2) };
    console.log(
      `createCharge: ${chargeWindow.durationS} s after ${chargeWindow.warmupS} s warm-up at each concurrency`,
    );
    // Both gateways at each concurrency, the side that goes first alternating (Hive first at the
    // first): the first charges after the read phases pay for the write paths' index pages coming
    // back into the buffer pool, and that must not fall on one side only. Each side's figure is
    // its best round; every round's errors count.
    const bestCharges = {} as Record<'ours' | 'hive', { concurrency: number; result: LoadResult }>;
    let chargeErrors = 0;
    for (const [index, concurrency] of CHARGE_CONCURRENCIES.entries())
      for (const gateway of index % 2 === 0
        ? (['hive', 'ours'] as const)
        : (['ours', 'hive'] as const)) {
        const result = await measured(
          `${gateway === 'ours' ? 'ours' : 'Hive'}@${concurrency}`,
          'charges',
          gateways[gateway].url,
          { clients: concurrency, ...chargeWindow, next: chargeRound() },
        );
        chargeErrors += result.errors;
        if (result.roundsPerSecond > (bestCharges[gateway]?.result.roundsPerSecond ?? -1))
          bestCharges[gateway] = { concurrency, result };
      }
    console.log(
      `  best: ours at ${bestCharges.ours.concurrency} in flight, Hive at ${bestCharges.hive.concurrency}; ours / Hive: ${ratio(bestCharges.ours.result, bestCharges.hive.result)}`,
    );
    started = performance.now();
    const invariants = await ledgerInvariants(ledgerDb);
    console.log(
      `  ledger invariants: ${invariants.ok ? 'all hold' : JSON.stringify(invariants)} (checked in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    errorsIn += chargeErrors;
    rows.push(
      [
        `createCharge/s (${bestCharges.ours.concurrency} / ${bestCharges.hive.concurrency} in flight)`,
        '≥ 1,000',
        fixed(bestCharges.ours.result.roundsPerSecond),
        fixed(bestCharges.hive.result.roundsPerSecond),
        bestCharges.ours.result.roundsPerSecond >= 1_000,
      ],
      ['ledger invariants', 'hold', invariants.ok ? 'hold' : 'broken', '', invariants.ok],
    );
  }

  const peaks = memory.peaksMb();
  console.log('peak resident memory under load (VmRSS):');
  for (const [name, mb] of peaks)
    console.log(`  ${name.padEnd(24)} ${mb.toFixed(0).padStart(5)} MB`);
  for (const [name, mb] of peaks)
    if (name.endsWith('subgraph'))
      rows.push([`${name} peak RSS (MB)`, '≤ 200', fixed(mb), '', mb <= 200]);
  rows.push(['GraphQL errors, every phase', '0', String(errorsIn), '', errorsIn === 0]);
  console.log('\nsummary (2 cores shared by everything above; figures move run to run):');
  console.log(
    `  ${'figure'.padEnd(44)} ${'target'.padEnd(8)} ${'ours'.padStart(8)} ${'Hive'.padStart(8)}  result`,
  );
  for (const [figure, target, ours, hive, pass] of rows)
    console.log(
      `  ${figure.padEnd(44)} ${target.padEnd(8)} ${ours.padStart(8)} ${hive.padStart(8)}  ${pass === undefined ? '' : pass ? 'pass' : 'FAIL'}`,
    );
} finally {
  closeAtExit();
  for (const close of closeLater.reverse()) await close();
  for (const child of processes.reverse()) await child.stop();
  await bufferPool.restore();
  await Promise.all(databases.map((db) => db.destroy()));
  await prepared.cleanup();
}
