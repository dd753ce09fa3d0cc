import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  settingName,
  SUBGRAPH_NODE_ARGS,
  SUBGRAPHS,
  subgraphUrlVariable,
  type SubgraphName,
} from '@dash/manifest';
import { freePort } from '@dash/testing';

/** Built entry points, as a deployment runs them: one process per service. */
const ENTRIES = {
  identity: '../../services/identity/dist/main.js',
  ledger: '../../services/ledger/dist/main.js',
  payouts: '../../services/payouts/dist/main.js',
  disputes: '../../services/disputes/dist/main.js',
  notifications: '../../services/notifications/dist/main.js',
  gateway: '../../gateway/dist/main.js',
  /** Hive Gateway on the same supergraph (this package's own entry, see hive-gateway.ts). */
  'hive-gateway': './hive-gateway.js',
} as const;
export type ServiceName = keyof typeof ENTRIES;

const isSubgraph = (name: ServiceName): name is SubgraphName =>
  SUBGRAPHS.some((subgraph) => subgraph.name === name);

export interface ServiceProcess {
  url: string;
  /** The process's id, to read its memory from /proc. */
  pid: number;
  stop(): Promise<void>;
}

async function waitUntilReady(origin: string, child: ChildProcess, name: string): Promise<void> {
  // Generous: on a busy two-core machine five services starting at once take a while.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready`);
}

/**
 * `BENCH_CPU_PROFILE=<folder>` writes a V8 CPU profile of every started process there when it
 * stops (NODE_OPTIONS cannot carry --cpu-prof), to see where a figure's time goes.
 */
const profiling = () => {
  const folder = process.env.BENCH_CPU_PROFILE;
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${folder}`] : [];
};

/** Starts one service in a process of its own on a free port and waits until it is ready. */
export async function startProcess(
  name: ServiceName,
  env: Record<string, string>,
  /** Decided beforehand when others must know the address first; else a free one. */
  port?: number,
): Promise<ServiceProcess> {
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    [
      ...profiling(),
      // Subgraphs run as their images run them.
      ...(isSubgraph(name) ? SUBGRAPH_NODE_ARGS : []),
      fileURLToPath(new URL(ENTRIES[name], import.meta.url)),
    ],
    {
      env: {
        ...process.env,
        ...env,
        [settingName(name, 'PORT')]: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(origin, child, name);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url: `${origin}/graphql`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * The five subgraphs, each in a process of its own. Their addresses are decided before any
 * starts, because they call each other (identity asks the others before an account closes).
 * Returns each one by name and the environment naming every address, for the gateways.
 */
export async function startSubgraphs(env: Record<string, string>) {
  const ports = new Map<SubgraphName, number>();
  for (const { name } of SUBGRAPHS) ports.set(name, await freePort());
  const addresses = { ...env };
  for (const [name, port] of ports)
    addresses[subgraphUrlVariable(name)] = `http://127.0.0.1:${port}/graphql`;
  const starting = await Promise.allSettled(
    [...ports].map(
      async ([name, port]) => [name, await startProcess(name, addresses, port)] as const,
    ),
  );
  const started = new Map(
    starting.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
  );
  const failed = starting.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all([...started.values()].map((child) => child.stop()));
    throw failed.reason;
  }
  return { subgraphs: started, env: addresses };
}
