import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { loadGatewayConfig } from '@dash/gateway';
import { loadShellConfig } from '@dash/shell';
import { SUBGRAPH_NODE_ARGS, subgraphEntry, workspacePath } from '@dash/manifest';
import { loadServiceConfig } from '@dash/subgraph';
import { waitFor } from '@dash/testing';
import { SERVICES, subgraphAddresses } from './stack.js';

type Env = Record<string, string | undefined>;

/** How `npm start` runs the parts: all in its own process, or each in a process of its own. */
export type ProcessMode = 'single' | 'per-part';

/**
 * One Node process uses one core: with more than one, each part gets a process of its own so the
 * subgraphs, the gateway and the shell stop queueing behind each other. DASH_PROCESSES overrides.
 */
export function processMode(env: Env, cores = availableParallelism()): ProcessMode {
  const chosen = env.DASH_PROCESSES;
  if (chosen === 'single' || chosen === 'per-part') return chosen;
  if (chosen) throw new Error(`DASH_PROCESSES must be single or per-part, not ${chosen}`);
  return cores > 1 ? 'per-part' : 'single';
}

/** A part of the stack running as a child process. */
interface PartProcess {
  name: string;
  child: ChildProcess;
}

/** Each line the part writes reaches the terminal, prefixed by the part's name. */
function relayOutput(name: string, child: ChildProcess) {
  const prefix = `[${name}] `;
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) =>
      process.stdout.write(prefix + line + '\n'),
    );
  if (child.stderr)
    createInterface({ input: child.stderr }).on('line', (line) =>
      process.stderr.write(prefix + line + '\n'),
    );
}

function spawnPart(
  name: string,
  entry: string,
  env: Env,
  nodeArgs: readonly string[] = [],
): PartProcess {
  // A process group of its own: Ctrl-C reaches the stack alone, which then stops each part once
  // (a part signalled twice would give up draining and exit at once).
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  relayOutput(name, child);
  return { name, child };
}

function stopPart({ child }: PartProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Waits until a part answers /ready, failing at once if it exits first. */
async function waitUntilReady(part: PartProcess, origin: string): Promise<void> {
  const exited = new Promise<never>((_resolve, reject) =>
    part.child.once('exit', (code) =>
      reject(new Error(`${part.name} exited (code ${code}) before it was ready`)),
    ),
  );
  // Several Node processes loading at once on a small, busy machine can take minutes.
  const ready = waitFor(
    `${part.name} at ${origin}`,
    async () => {
      const response = await fetch(`${origin}/ready`);
      if (!response.ok) throw new Error(`${part.name} is not ready yet`);
    },
    180_000,
  );
  await Promise.race([ready, exited]);
}

export interface PartsStack {
  services: Array<{ name: string; url: string }>;
  gatewayUrl: string;
  shellUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts each subgraph (API and background work), the gateway and the shell as a child process
 * from its built entry point, on the ports `env` gives them (their defaults otherwise).
 * `onPartExit` hears of a part that exits by itself once all are up, which leaves the stack
 * incomplete; `signal` stops the parts started so far while the others are still starting.
 */
export async function startStackInProcesses(
  env: Env,
  {
    onPartExit,
    signal,
  }: { onPartExit: (name: string, code: number | null) => void; signal?: AbortSignal },
): Promise<PartsStack> {
  const parts: PartProcess[] = [];
  // Until every part is up, a part that exits fails the start instead.
  let running = false;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const part of [...parts].reverse()) await stopPart(part);
  };
  signal?.addEventListener('abort', () => void stop());
  const start = async (
    name: string,
    entry: string,
    partEnv: Env,
    origin: string,
    nodeArgs: readonly string[] = [],
  ) => {
    if (stopping) throw new Error(`stopped before ${name} started`);
    const part = spawnPart(name, entry, partEnv, nodeArgs);
    parts.push(part);
    part.child.once('exit', (code) => {
      if (running && !stopping) onPartExit(name, code);
    });
    await waitUntilReady(part, origin);
  };
  try {
    // Services call each other (identity asks the ledger before an account closes): each is
    // told where every other one listens, and plays every role, as in the single process.
    const stackEnv: Env = { ...env, ...(await subgraphAddresses(env)), DASH_ROLE: 'all' };
    const services = SERVICES.map((definition) => {
      const { host, port } = loadServiceConfig(definition, stackEnv);
      return { name: definition.name, origin: `http://${host}:${port}` };
    });
    await Promise.all(
      services.map(({ name, origin }) =>
        start(
          name,
          workspacePath(subgraphEntry(name)!.folder, 'dist/main.js'),
          stackEnv,
          origin,
          SUBGRAPH_NODE_ARGS,
        ),
      ),
    );
    const gateway = loadGatewayConfig(stackEnv);
    const gatewayOrigin = `http://${gateway.host}:${gateway.port}`;
    await start('gateway', workspacePath('gateway', 'dist/main.js'), stackEnv, gatewayOrigin);
    const shellEnv = { ...env, DASH_GATEWAY_URL: `${gatewayOrigin}/graphql` };
    const shell = loadShellConfig(shellEnv);
    const shellOrigin = `http://${shell.host}:${shell.port}`;
    await start('shell', workspacePath('shell', 'dist/server/main.js'), shellEnv, shellOrigin);
    running = true;
    return {
      services: services.map(({ name, origin }) => ({ name, url: `${origin}/graphql` })),
      gatewayUrl: `${gatewayOrigin}/graphql`,
      shellUrl: shellOrigin,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
